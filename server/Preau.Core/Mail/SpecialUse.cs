namespace Preau.Core.Mail;

/// <summary>RFC 6154 special-use attributes of the default mailboxes.</summary>
public enum SpecialUse
{
    /// <summary>An ordinary mailbox.</summary>
    None,

    /// <summary>INBOX (not an RFC 6154 attribute, but it is special everywhere).</summary>
    Inbox,

    /// <summary>\Sent.</summary>
    Sent,

    /// <summary>\Drafts.</summary>
    Drafts,

    /// <summary>\Trash.</summary>
    Trash,

    /// <summary>\Junk.</summary>
    Junk,

    /// <summary>\Archive.</summary>
    Archive,
}
