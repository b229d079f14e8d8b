using System.Text.Json;
using System.Text.RegularExpressions;

namespace Preau.PluginHost;

/// <summary>A plugin's <c>plugin.json</c>: who it is and which contract version it was built against.</summary>
/// <param name="Id">The id: also the folder name and the main assembly's name (<c>&lt;Id&gt;.dll</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Version">The plugin's version.</param>
/// <param name="HostApiVersion">The <c>Preau.Plugins.Abstractions</c> version it targets.</param>
/// <param name="Description">What it does.</param>
public sealed partial record PluginManifest(string Id, string Name, Version Version, Version HostApiVersion, string Description)
{
    /// <summary>The manifest's file name in a plugin folder.</summary>
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The main assembly's file name.</summary>
    public string AssemblyFileName => Id + ".dll";

    /// <summary>Whether <paramref name="id"/> is a valid plugin id: a letter, then up to 99 letters,
    /// digits, '.', '-' or '_', no "..": safe as a folder name, a URL segment and a storage namespace.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    /// <summary>Reads and checks the manifest of a plugin folder.</summary>
    /// <exception cref="PluginException">Missing, unreadable or incomplete manifest.</exception>
    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new PluginException($"no {FileName} in {folder}");
        }

        ManifestFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ManifestFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new PluginException($"{FileName} is not valid JSON: {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new PluginException($"{FileName} is empty");
        }

        if (!IsValidId(file.Id))
        {
            throw new PluginException($"{FileName}: \"id\" must start with a letter and hold only letters, digits, '.', '-' or '_' (got '{file.Id}')");
        }

        return new PluginManifest(
            file.Id!,
            string.IsNullOrWhiteSpace(file.Name) ? file.Id! : file.Name.Trim(),
            ParseVersion(file.Version, "version"),
            ParseVersion(file.HostApiVersion, "hostApiVersion"),
            file.Description?.Trim() ?? "");
    }

    private static Version ParseVersion(string? text, string field)
    {
        text = text?.Trim();
        if (text is not null && !text.Contains('.', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return Version.TryParse(text, out var version)
            ? version
            : throw new PluginException($"{FileName}: \"{field}\" must be a version such as 1.0 or 1.2.3 (got '{text}')");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();

    private sealed record ManifestFile(string? Id, string? Name, string? Version, string? HostApiVersion, string? Description);
}
