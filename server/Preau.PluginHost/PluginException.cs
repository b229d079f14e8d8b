namespace Preau.PluginHost;

/// <summary>A plugin operation refused or failed, with a message for the administrator.</summary>
public sealed class PluginException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public PluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
