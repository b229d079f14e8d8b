namespace Preau.Server.Hosting;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder holding the index, the blobs, the TLS files and the admin socket.</summary>
    public string DataDirectory { get; set; } = "data";
}
