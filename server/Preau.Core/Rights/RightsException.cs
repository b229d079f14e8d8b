namespace Preau.Core.Rights;

/// <summary>An administrative change to rights, delegations or roles that cannot be made; the message
/// says why, in French, for the administrator.</summary>
public sealed class RightsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RightsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RightsException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RightsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the change failed because the thing named does not exist (HTTP 404 rather than 400).</summary>
    public bool NotFound { get; init; }
}
