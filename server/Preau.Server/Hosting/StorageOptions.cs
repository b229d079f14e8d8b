namespace Preau.Server.Hosting;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder holding the index, the blobs, the TLS files and the admin socket.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>The <c>Web</c> configuration section (webmail and API come with their own issue; the key exists now).</summary>
public sealed class WebOptions
{
    /// <summary>HTTP port of the webmail, admin pages and API.</summary>
    public int Port { get; set; } = 8080;
}
