namespace Preau.Core.Policy;

/// <summary>A change to the sending policy was refused; the message says why, in French.</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the change names something that does not exist (a class, a level).</summary>
    public bool NotFound { get; init; }
}
