namespace Preau.Plugins;

/// <summary>The version of this contract. A plugin names the version it was built against in its
/// <c>plugin.json</c> (<c>hostApiVersion</c>); the host loads it when the major versions are equal and
/// the plugin's minor version is not newer than the host's.</summary>
public static class PluginApi
{
    /// <summary>The contract version of this assembly.</summary>
    public static Version Version { get; } = new(1, 3);

    /// <summary>Whether a plugin built against <paramref name="target"/> runs on this host.</summary>
    public static bool IsCompatible(Version target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Major == Version.Major && target.Minor <= Version.Minor;
    }
}
