namespace Preau.Core.Announcements;

/// <summary>An announcement cannot be published or removed; the message says why, in French.</summary>
public sealed class AnnouncementException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnnouncementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AnnouncementException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AnnouncementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>No announcement has the id given.</summary>
    public bool NotFound { get; init; }

    /// <summary>The right the author lacks, when that is the reason.</summary>
    public string? MissingRight { get; init; }
}
