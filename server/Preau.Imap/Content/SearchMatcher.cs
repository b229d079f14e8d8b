using MimeKit;
using MimeKit.Utils;
using Preau.Core.Search;

namespace Preau.Imap.Content;

/// <summary>
/// The message-content keys of SEARCH (RFC 3501 §6.4.4, RFC 9051 §6.4.4) for one message. The session
/// evaluates the search program itself (flags, UID, sequence sets, INTERNALDATE, MODSEQ, NOT/OR) and asks
/// this object only for the keys that need the message; the message is loaded on the first such question,
/// and its folded text is kept for the next ones (an OR of several TEXT keys reads it once).
/// </summary>
/// <remarks>
/// String keys are case-insensitive substring matches on decoded text (<see cref="SearchText"/>). SENT*
/// compare the date of the Date: header in the header's own time zone, the time ignored (RFC 9051); a
/// message without a readable Date: never matches them. LARGER and SMALLER need only the size.
/// </remarks>
public sealed class SearchMatcher
{
    private static readonly HashSet<string> ContentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "TEXT", "BODY", "SUBJECT", "FROM", "TO", "CC", "BCC", "HEADER", "SENTBEFORE", "SENTON", "SENTSINCE",
    };

    private readonly Func<MimeMessage> _load;
    private readonly Func<FoldedText>? _text;
    private MimeMessage? _message;
    private FoldedText? _folded;
    private DateOnly? _sentDay;
    private bool _sentDayKnown;

    /// <summary>A matcher that loads the message only when a content key is asked.</summary>
    /// <param name="size">RFC822.SIZE, for LARGER and SMALLER.</param>
    /// <param name="load">Loads the message (e.g. <c>MimeMessage.Load(blobs.Open(hash))</c>).</param>
    /// <param name="text">Gives the message's folded text from the search index; without it, the text
    /// is read from the loaded message.</param>
    public SearchMatcher(long size, Func<MimeMessage> load, Func<FoldedText>? text = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        Size = size;
        _load = load;
        _text = text;
    }

    /// <summary>RFC822.SIZE of the message.</summary>
    public long Size { get; }

    /// <summary>Whether the message has been loaded (it is, once a content key has been asked).</summary>
    public bool IsLoaded => _message is not null;

    /// <summary>The message, loaded on first use; one MimeKit cannot read at all counts as empty.</summary>
    public MimeMessage Message => _message ??= Load();

    /// <summary>
    /// Whether a search key needs the message content. SENT* do too, unless the session answers them
    /// from the stored summary date with <see cref="SentDay(DateTimeOffset?)"/>.
    /// </summary>
    /// <param name="key">The key's name, e.g. <c>SUBJECT</c>.</param>
    public static bool IsContentKey(string key) => ContentKeys.Contains(key);

    /// <summary>The day a Date: header names, in its own time zone: what SENT* compare.</summary>
    /// <param name="sentDate">The parsed Date: header (as <c>MessageSummary.Date</c> keeps it), or null.</param>
    public static DateOnly? SentDay(DateTimeOffset? sentDate) =>
        sentDate is { } date ? DateOnly.FromDateTime(date.DateTime) : null;

    /// <summary>LARGER n: size strictly greater than n.</summary>
    /// <param name="octets">n.</param>
    public bool Larger(long octets) => Size > octets;

    /// <summary>SMALLER n: size strictly smaller than n.</summary>
    /// <param name="octets">n.</param>
    public bool Smaller(long octets) => Size < octets;

    /// <summary>TEXT s: in the header or the body.</summary>
    /// <param name="value">s.</param>
    public bool Text(string value) => Folded.InText(FoldedText.Needle(value));

    /// <summary>BODY s: in the body (text parts decoded, attached messages included).</summary>
    /// <param name="value">s.</param>
    public bool Body(string value) => Folded.InBody(FoldedText.Needle(value));

    /// <summary>SUBJECT s.</summary>
    /// <param name="value">s.</param>
    public bool Subject(string value) => Header("Subject", value);

    /// <summary>FROM s: in the From: field, display names decoded.</summary>
    /// <param name="value">s.</param>
    public bool From(string value) => Header("From", value);

    /// <summary>TO s.</summary>
    /// <param name="value">s.</param>
    public bool To(string value) => Header("To", value);

    /// <summary>CC s.</summary>
    /// <param name="value">s.</param>
    public bool Cc(string value) => Header("Cc", value);

    /// <summary>BCC s.</summary>
    /// <param name="value">s.</param>
    public bool Bcc(string value) => Header("Bcc", value);

    /// <summary>HEADER name s: a field of that name containing s; with an empty s, any such field.</summary>
    /// <param name="field">The field name (case-insensitive).</param>
    /// <param name="value">s.</param>
    public bool Header(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        return Folded.InField(field, FoldedText.Needle(value));
    }

    /// <summary>SENTBEFORE d: Date: header's day earlier than d.</summary>
    /// <param name="day">d.</param>
    public bool SentBefore(DateOnly day) => SentDayOfMessage is { } sent && sent < day;

    /// <summary>SENTON d: Date: header's day is d.</summary>
    /// <param name="day">d.</param>
    public bool SentOn(DateOnly day) => SentDayOfMessage is { } sent && sent == day;

    /// <summary>SENTSINCE d: Date: header's day is d or later.</summary>
    /// <param name="day">d.</param>
    public bool SentSince(DateOnly day) => SentDayOfMessage is { } sent && sent >= day;

    private MimeMessage Load()
    {
        try
        {
            return _load();
        }
        catch (FormatException)
        {
            // A search must answer for every message: an unreadable one matches no content key.
            var empty = new MimeMessage();
            empty.Headers.Clear();
            return empty;
        }
    }

    private FoldedText Folded => _folded ??= _text is not null ? _text() : FoldedText.From(Message);

    private DateOnly? SentDayOfMessage
    {
        get
        {
            if (!_sentDayKnown)
            {
                // MimeMessage.Date turns a missing date into MinValue; the raw header tells absent from old.
                var header = Message.Headers[HeaderId.Date];
                _sentDay = header is not null && DateUtils.TryParse(header, out var date) ? SentDay(date) : null;
                _sentDayKnown = true;
            }

            return _sentDay;
        }
    }
}
