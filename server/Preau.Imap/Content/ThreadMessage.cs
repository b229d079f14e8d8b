using MimeKit;
using MimeKit.Utils;

namespace Preau.Imap.Content;

/// <summary>What THREAD needs of one message (RFC 5256).</summary>
/// <param name="Number">The number THREAD answers with: the sequence number, or the UID for UID THREAD.</param>
/// <param name="MessageId">The Message-ID without angle brackets, or null when missing or invalid.</param>
/// <param name="References">
/// The parent chain, oldest first: the References: IDs, or else the first In-Reply-To: ID (RFC 5256 §5 (1)).
/// </param>
/// <param name="SentDate">The sent date (Date:, or INTERNALDATE, RFC 5256 §2.2).</param>
/// <param name="BaseSubject">The base subject (RFC 5256 §2.1).</param>
/// <param name="IsReplyOrForward">Whether the base subject extraction removed a reply or forward marker.</param>
public sealed record ThreadMessage(
    uint Number,
    string? MessageId,
    IReadOnlyList<string> References,
    DateTimeOffset SentDate,
    string BaseSubject,
    bool IsReplyOrForward)
{
    /// <summary>The thread data of a message from its header.</summary>
    /// <param name="number">Sequence number or UID.</param>
    /// <param name="headers">The top-level header.</param>
    /// <param name="internalDate">INTERNALDATE, the sent date when Date: cannot be read.</param>
    public static ThreadMessage Create(uint number, HeaderList headers, DateTimeOffset internalDate)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var messageId = Ids(headers, "Message-ID").FirstOrDefault();
        IReadOnlyList<string> references = Ids(headers, "References");
        if (references.Count == 0)
        {
            // RFC 5256 §5 (1): without References, the first In-Reply-To ID is the only reference.
            references = Ids(headers, "In-Reply-To").Take(1).ToList();
        }

        var subject = Content.BaseSubject.Extract(HeaderText.Raw(headers, "Subject") ?? "", out var isReply);
        return new ThreadMessage(
            number,
            messageId,
            references,
            MessageSortKeys.SentDateOf(headers, internalDate),
            subject,
            isReply);
    }

    /// <summary>The msg-ids of a field, in order; anything that is not a msg-id is skipped.</summary>
    private static List<string> Ids(HeaderList headers, string field)
    {
        var header = HeaderText.First(headers, field);
        return header is null
            ? []
            : MimeUtils.EnumerateReferences(header.RawValue, 0, header.RawValue.Length).ToList();
    }
}

/// <summary>A node of a THREAD answer.</summary>
/// <param name="Number">The message's number, or null for a dummy (a missing parent that groups its children).</param>
/// <param name="Children">The replies, in sent-date order.</param>
public sealed record ThreadNode(uint? Number, IReadOnlyList<ThreadNode> Children);

/// <summary>The THREAD algorithms of RFC 5256.</summary>
public enum ThreadAlgorithm
{
    /// <summary>ORDEREDSUBJECT: one thread per base subject, the first message the parent of the others.</summary>
    OrderedSubject,

    /// <summary>REFERENCES: the parent/child links of References: and In-Reply-To:, then subjects.</summary>
    References,
}
