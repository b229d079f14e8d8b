namespace Preau.Plugins;

/// <summary>What the host tells a plugin about itself when it registers.</summary>
/// <param name="Id">The plugin id, from <c>plugin.json</c> (also its folder and assembly name).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Directory">Its installation folder (read-only: keep data in <see cref="Storage.IPluginStore"/>).</param>
/// <param name="Settings">The configuration section <c>PluginSettings:&lt;Id&gt;</c>, flattened (<c>"Feed:Url"</c> → value).</param>
public sealed record PluginContext(
    string Id,
    string Name,
    Version Version,
    string Directory,
    IReadOnlyDictionary<string, string> Settings);
