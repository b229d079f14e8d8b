namespace Preau.PluginHost;

/// <summary>The <c>Plugins</c> configuration section.</summary>
public sealed class PluginHostOptions
{
    /// <summary>Where plugins are installed, one folder per plugin id; empty: <c>plugins/</c> beside the executable.</summary>
    public string? Directory { get; set; }

    /// <summary>The longest timeout a submission hook or delivery listener may ask for.</summary>
    public TimeSpan MaxHookTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disabling waits for calls in progress into the plugin before unloading it anyway.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest plugin archive accepted, compressed and uncompressed, in octets.</summary>
    public long MaxArchiveSize { get; set; } = 200L * 1024 * 1024;

    /// <summary>The folder in force.</summary>
    public string EffectiveDirectory => Path.GetFullPath(string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(AppContext.BaseDirectory, "plugins")
        : Directory);
}
