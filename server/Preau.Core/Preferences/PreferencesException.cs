namespace Preau.Core.Preferences;

/// <summary>A setting was refused; the message says why, in French.</summary>
public sealed class PreferencesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PreferencesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PreferencesException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PreferencesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
