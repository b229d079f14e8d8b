using Preau.Plugins.Http;

namespace Preau.PluginHost;

/// <summary>Where a plugin stands.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; its contributions are in use.</summary>
    Active,

    /// <summary>Installed, switched off by an administrator.</summary>
    Disabled,

    /// <summary>Threw while loading, registering or in a hook; kept out until enabled again.</summary>
    Failed,

    /// <summary>Built against a contract version this host does not offer.</summary>
    Incompatible,
}

/// <summary>One installed plugin, as listed by the CLI and the admin API.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Version">Its version ("" when the manifest is unreadable).</param>
/// <param name="Description">What it does.</param>
/// <param name="HostApiVersion">The contract version it targets.</param>
/// <param name="Status">Active, disabled, failed or incompatible.</param>
/// <param name="Reason">Why it failed or is incompatible.</param>
/// <param name="Contributions">What it adds, while active.</param>
public sealed record PluginInfo(
    string Id,
    string Name,
    string Version,
    string Description,
    string HostApiVersion,
    PluginStatus Status,
    string? Reason,
    PluginContributions? Contributions);

/// <summary>What an active plugin adds to the server.</summary>
/// <param name="Services">Its services (Administration &gt; Services), by id.</param>
/// <param name="Verbs">Its CLI verbs.</param>
/// <param name="Jobs">Its scheduled jobs, with their schedule.</param>
/// <param name="Hooks">Its submission hooks, by name.</param>
/// <param name="DeliveryListeners">How many delivery listeners.</param>
/// <param name="RecipientLists">How many recipient list providers.</param>
/// <param name="Routes">Its HTTP routes ("GET items/{id}").</param>
/// <param name="Webmail">Its webmail module, if any.</param>
public sealed record PluginContributions(
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Jobs,
    IReadOnlyList<string> Hooks,
    int DeliveryListeners,
    int RecipientLists,
    IReadOnlyList<string> Routes,
    WebmailModule? Webmail);
