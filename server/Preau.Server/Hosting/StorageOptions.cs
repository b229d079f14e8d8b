namespace Preau.Server.Hosting;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder holding the index, the blobs, the TLS files and the admin socket.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>The <c>Imap</c> configuration section (the IMAP server comes with its own issue; the keys exist now).</summary>
public sealed class ImapOptions
{
    /// <summary>IMAP with STARTTLS.</summary>
    public int Port { get; set; } = 2143;

    /// <summary>IMAP over implicit TLS.</summary>
    public int TlsPort { get; set; } = 2993;
}

/// <summary>The <c>Web</c> configuration section (webmail and API come with their own issue; the key exists now).</summary>
public sealed class WebOptions
{
    /// <summary>HTTP port of the webmail, admin pages and API.</summary>
    public int Port { get; set; } = 8080;
}
