namespace Preau.Server.Hosting;

/// <summary>The demo school could not be seeded (the directory plugin is missing or refused the
/// demo's exports); the message says why and what to do.</summary>
public sealed class DemoSeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemoSeedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemoSeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DemoSeedException()
    {
    }
}
