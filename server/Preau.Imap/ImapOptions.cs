namespace Preau.Imap;

/// <summary>The <c>Imap</c> configuration section.</summary>
public sealed class ImapOptions
{
    /// <summary>Address the listeners bind to.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>IMAP with STARTTLS; LOGIN and AUTHENTICATE are refused before TLS. 0 disables it.</summary>
    public int Port { get; set; } = 2143;

    /// <summary>IMAP over implicit TLS. 0 disables it.</summary>
    public int TlsPort { get; set; } = 2993;

    /// <summary>Most simultaneous connections from one IP address.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 100;

    /// <summary>Most simultaneous logged-in connections of one account (Thunderbird opens about five).</summary>
    public int MaxConnectionsPerAccount { get; set; } = 30;

    /// <summary>How long a connection may stay without logging in.</summary>
    public TimeSpan UnauthenticatedTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a logged-in connection may stay silent (IDLE included: RFC 9051 asks for at least 30 minutes).</summary>
    public TimeSpan AuthenticatedTimeout { get; set; } = TimeSpan.FromMinutes(31);

    /// <summary>Longest command line, literals excluded.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;
}
