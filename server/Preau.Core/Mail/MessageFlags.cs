namespace Preau.Core.Mail;

/// <summary>The IMAP system flags (RFC 9051 §2.3.2), stored as bits.</summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>\Seen.</summary>
    Seen = 1,

    /// <summary>\Answered.</summary>
    Answered = 2,

    /// <summary>\Flagged.</summary>
    Flagged = 4,

    /// <summary>\Deleted.</summary>
    Deleted = 8,

    /// <summary>\Draft.</summary>
    Draft = 16,
}
