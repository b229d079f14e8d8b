namespace Preau.Plugins.Accounts;

/// <summary>Why <see cref="IAccountCredentials.SetInitialPassword"/> changed nothing. Contract 1.3.</summary>
public enum CredentialsProblem
{
    /// <summary>No account has this id.</summary>
    UnknownAccount,

    /// <summary>The account already has a password (activated, or given one by an administrator).</summary>
    AlreadyHasPassword,

    /// <summary>The account is suspended or has left: it cannot be activated.</summary>
    NotActivatable,

    /// <summary>The server's password policy refuses the password; the message says why.</summary>
    WeakPassword,
}

/// <summary>A credentials change was refused; <see cref="Exception.Message"/> says why, in French.
/// Contract 1.3.</summary>
public sealed class AccountCredentialsException : Exception
{
    /// <summary>Creates the exception for a problem, with its French message.</summary>
    public AccountCredentialsException(CredentialsProblem problem, string message)
        : base(message)
    {
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public AccountCredentialsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AccountCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AccountCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What was wrong.</summary>
    public CredentialsProblem Problem { get; }
}
