namespace Preau.Plugins.Http;

/// <summary>A module the webmail loads for the plugin. Its static files are embedded in the plugin
/// assembly under the resource prefix <c>ui/</c> (the build does it for every file of the project's
/// <c>ui/</c> folder) and served at <c>/plugins/&lt;plugin id&gt;/ui/&lt;path&gt;</c>.</summary>
/// <param name="Label">The French label of the module in the webmail's menu.</param>
/// <param name="Entry">The module's entry file, relative to <c>ui/</c>.</param>
public sealed record WebmailModule(string Label, string Entry = "index.js")
{
    /// <summary>The right (<c>service.action</c>, e.g. one the plugin declares) a user needs for the
    /// module to appear in their webmail; null: every signed-in user sees it. The plugin's endpoints
    /// still check their own rights: hiding a module is not a protection.</summary>
    public string? Right { get; init; }
}
