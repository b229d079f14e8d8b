namespace Preau.Core.Directory;

/// <summary>An administrative change to the directory was refused; the message says why.</summary>
public sealed class DirectoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the change failed because the account named does not exist (HTTP 404 rather than 400).</summary>
    public bool NotFound { get; init; }

    /// <summary>Whether the change failed because the account already has a password
    /// (<see cref="DirectoryService.SetFirstPassword"/>).</summary>
    public bool PasswordAlreadySet { get; init; }
}
