using MimeKit;
using Preau.Core.Mail;
using Preau.Imap.Content;
using Preau.Imap.Protocol.Search;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Session;

namespace Preau.Imap.Handlers;

/// <summary>Evaluates a SEARCH key tree against one message. Flags, numbers, sizes, dates and
/// MODSEQ come from the index; the stored message is read only when a content key asks for it.</summary>
internal sealed class SearchEvaluator(ImapSession session, DateTimeOffset now)
{
    private readonly SelectedMailbox _box = session.Box;
    private readonly Lazy<MailboxReader> _reader = new(() => session.Services.Mailboxes.Reader(session.User, session.Box.Mailbox.Id));

    /// <summary>Whether any key needs the message content.</summary>
    public static bool NeedsContent(SearchKey key) => key switch
    {
        AndKey and => and.Keys.Any(NeedsContent),
        OrKey or => NeedsContent(or.Left) || NeedsContent(or.Right),
        NotKey not => NeedsContent(not.Key),
        HeaderKey or BodyKey or TextKey => true,
        DateKey { Field: DateField.Sent } => true,
        _ => false,
    };

    /// <summary>Whether the MODSEQ key appears (the answer then carries the highest MODSEQ).</summary>
    public static bool UsesModSeq(SearchKey key) => key switch
    {
        AndKey and => and.Keys.Any(UsesModSeq),
        OrKey or => UsesModSeq(or.Left) || UsesModSeq(or.Right),
        NotKey not => UsesModSeq(not.Key),
        ModSeqKey => true,
        _ => false,
    };

    public bool Matches(SearchKey key, uint seq, MessageEntry entry, SearchMatcher? content) => key switch
    {
        AllKey => true,
        AndKey and => and.Keys.All(k => Matches(k, seq, entry, content)),
        OrKey or => Matches(or.Left, seq, entry, content) || Matches(or.Right, seq, entry, content),
        NotKey not => !Matches(not.Key, seq, entry, content),
        FlagKey flag => HasFlag(entry, flag.Flag),
        // "$" (SEARCHRES) names the saved messages whether in a sequence or a UID key (RFC 5182 §2.1).
        SequenceKey set => (set.Set.IncludesSavedResult && _box.IsSaved(entry.Uid)) || set.Set.Contains(seq, _box.Count),
        UidKey set => (set.Set.IncludesSavedResult && _box.IsSaved(entry.Uid)) || set.Set.Contains(entry.Uid, _box.Uids.Count == 0 ? 0 : _box.Uids[^1]),
        SizeKey size => size.Larger ? (ulong)entry.Size > size.Size : (ulong)entry.Size < size.Size,
        ModSeqKey modSeq => entry.ModSeq >= modSeq.ModSeq,
        AgeKey age => age.Younger
            ? now - entry.InternalDate <= TimeSpan.FromSeconds(age.Seconds)
            : now - entry.InternalDate >= TimeSpan.FromSeconds(age.Seconds),
        DateKey { Field: DateField.Internal } date => Compare(DateOnly.FromDateTime(entry.InternalDate.UtcDateTime), date),
        DateKey date => content is not null && SentMatches(content, date),
        HeaderKey header => content is not null && content.Header(header.Field, header.Value),
        BodyKey body => content is not null && content.Body(body.Value),
        TextKey text => content is not null && content.Text(text.Value),
        _ => false,
    };

    /// <summary>A lazily loaded view of a message for content keys.</summary>
    public SearchMatcher ContentOf(MessageEntry entry) => new(
        entry.Size,
        () =>
        {
            using var stream = _reader.Value.Open(entry);
            return MimeMessage.Load(HeaderText.Lenient, stream);
        },
        () => _reader.Value.Text(entry));

    private bool HasFlag(MessageEntry entry, string flag)
    {
        if (string.Equals(flag, ImapFlags.Recent, StringComparison.OrdinalIgnoreCase))
        {
            return _box.IsRecent(entry.Uid);
        }

        var (flags, keywords) = FlagText.Parse([flag]);
        return flags != MessageFlags.None
            ? entry.Flags.HasFlag(flags)
            : keywords.Count > 0 && entry.Keywords.Contains(keywords[0], StringComparer.OrdinalIgnoreCase);
    }

    private static bool SentMatches(SearchMatcher content, DateKey date) => date.Comparison switch
    {
        DateComparison.Before => content.SentBefore(date.Date),
        DateComparison.On => content.SentOn(date.Date),
        _ => content.SentSince(date.Date),
    };

    private static bool Compare(DateOnly day, DateKey date) => date.Comparison switch
    {
        DateComparison.Before => day < date.Date,
        DateComparison.On => day == date.Date,
        _ => day >= date.Date,
    };
}
