namespace Preau.PluginHost.Tests.Infrastructure;

/// <summary>The test plugins as the build packaged them (tests/Plugins, copied into TestPlugins/ of the
/// output), and fresh plugin folders made of copies of them.</summary>
internal static class TestPlugins
{
    public const string Echo = "Preau.TestPlugins.Echo";
    public const string EchoV2Folder = "Preau.TestPlugins.Echo.v2";
    public const string Broken = "Preau.TestPlugins.Broken";
    public const string Future = "Preau.TestPlugins.Future";

    /// <summary>The packaged folder of a test plugin.</summary>
    public static string Source(string folder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestPlugins", folder);
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"test plugin {folder} was not built into {path}");
    }

    /// <summary>Copies a packaged plugin into <paramref name="pluginsDirectory"/>/<paramref name="id"/>.</summary>
    public static void Install(string pluginsDirectory, string folder, string? id = null)
    {
        var target = Path.Combine(pluginsDirectory, id ?? folder);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Source(folder), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Source(folder), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>A zip archive of a packaged plugin, its files at the top.</summary>
    public static string Zip(string folder, string directory)
    {
        var zip = Path.Combine(directory, $"{folder}-{Guid.NewGuid():N}.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(Source(folder), zip);
        return zip;
    }
}
