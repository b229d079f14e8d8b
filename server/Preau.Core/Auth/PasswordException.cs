namespace Preau.Core.Auth;

/// <summary>A password change was refused; the message says why, in French.</summary>
public sealed class PasswordException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PasswordException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PasswordException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PasswordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>After a wrong current password: how long the next attempt will be held back.</summary>
    public TimeSpan RetryAfter { get; init; }
}
