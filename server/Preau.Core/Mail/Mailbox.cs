namespace Preau.Core.Mail;

/// <summary>A folder of one account.</summary>
/// <param name="Id">Store identifier, stable across renames.</param>
/// <param name="AccountId">Owner.</param>
/// <param name="Name">Full name with '/' as hierarchy separator.</param>
/// <param name="Use">Special use, if any.</param>
/// <param name="UidValidity">IMAP UIDVALIDITY: fixed at creation.</param>
/// <param name="NextUid">The UID the next message will get; strictly increasing.</param>
/// <param name="HighestModSeq">The MODSEQ of the last change in the mailbox.</param>
public sealed record Mailbox(
    string Id,
    string AccountId,
    string Name,
    SpecialUse Use,
    uint UidValidity,
    uint NextUid,
    ulong HighestModSeq);
