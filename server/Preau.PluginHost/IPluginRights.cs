using Preau.Core.Accounts;
using Preau.Plugins.Rights;

namespace Preau.PluginHost;

/// <summary>What the host needs of the server's rights model: the one check, and the services of
/// Administration &gt; Services that plugins add and remove.</summary>
public interface IPluginRights
{
    /// <summary>Whether <paramref name="account"/> holds <paramref name="right"/>.</summary>
    RightCheck Check(Account account, string right);

    /// <summary>The ids of the services registered now (Core's and plugins').</summary>
    IReadOnlyCollection<string> ServiceIds { get; }

    /// <summary>Adds (or replaces, on upgrade) a plugin's service; grants an administrator changed are kept.</summary>
    void Register(ServiceDeclaration service, string pluginId);

    /// <summary>Removes a service from the matrix (its grants stay stored for a later enable).</summary>
    void Unregister(string serviceId);
}
