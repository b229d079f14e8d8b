namespace Preau.Core.Mail;

/// <summary>A folder of one account.</summary>
/// <param name="Id">Store identifier, stable across renames.</param>
/// <param name="AccountId">Owner.</param>
/// <param name="Name">Full name with '/' as hierarchy separator.</param>
/// <param name="Use">Special use, if any.</param>
/// <param name="UidValidity">IMAP UIDVALIDITY: fixed at creation.</param>
/// <param name="NextUid">The UID the next message will get; strictly increasing.</param>
/// <param name="HighestModSeq">The MODSEQ of the last change in the mailbox.</param>
/// <param name="RecentUid">IMAP \Recent (RFC 3501 §2.3.2): the highest UID a read-write session has
/// already been told about; the messages above it are recent for the next session to claim them.</param>
public sealed record Mailbox(
    string Id,
    string AccountId,
    string Name,
    SpecialUse Use,
    uint UidValidity,
    uint NextUid,
    ulong HighestModSeq,
    uint RecentUid = 0);
