namespace Preau.Core.Mail;

/// <summary>One message in one mailbox. Many entries may share one blob.</summary>
/// <param name="Id">Store identifier.</param>
/// <param name="MailboxId">The mailbox.</param>
/// <param name="Uid">IMAP UID, unique and increasing in the mailbox.</param>
/// <param name="BlobHash">SHA-256 of the raw message (hex), the blob's name.</param>
/// <param name="Size">Raw size in octets.</param>
/// <param name="InternalDate">When the message arrived.</param>
/// <param name="Flags">System flags.</param>
/// <param name="Keywords">User keywords.</param>
/// <param name="ModSeq">MODSEQ of the entry's last change.</param>
/// <param name="Summary">Headers for listing.</param>
public sealed record MessageEntry(
    long Id,
    string MailboxId,
    uint Uid,
    string BlobHash,
    long Size,
    DateTimeOffset InternalDate,
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    ulong ModSeq,
    MessageSummary Summary);
