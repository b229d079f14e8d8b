using Preau.Core.Accounts;
using Preau.Core.Rights;
using Preau.Plugins.Rights;

namespace Preau.PluginHost.Services;

/// <summary>The contract's service declarations and rights answers to and from Core's rights model.</summary>
internal static class RightsMapping
{
    /// <summary>The Core definition of a plugin's service, owned by the plugin.</summary>
    public static ServiceDefinition ToDefinition(ServiceDeclaration service, string pluginId) => new(
        service.Id,
        service.Label,
        pluginId,
        service.Actions.Select(a => new ServiceAction(a.Id, a.Label, (a.DefaultGrants ?? []).Select(g => ToGrantee(g, service.Id, a.Id)).ToArray(), a.Description)).ToArray());

    public static RightCheck ToCheck(RightDecision decision) => new(decision.Allowed, decision.Right, decision.Reason);

    private static Grantee ToGrantee(GrantDeclaration grant, string service, string action) => grant.Type switch
    {
        GranteeType.Profile when Enum.TryParse<Profile>(grant.Value, ignoreCase: true, out var p) && Enum.IsDefined(p) => Grantee.ForProfile(p),
        GranteeType.Function when Enum.TryParse<StaffFunction>(grant.Value, ignoreCase: true, out var f) && Enum.IsDefined(f) && f != StaffFunction.None => Grantee.ForFunction(f),
        GranteeType.Account when !string.IsNullOrWhiteSpace(grant.Value) => Grantee.ForAccount(grant.Value),
        _ => throw new PluginException($"registering: service '{service}', action '{action}': '{grant.Type}:{grant.Value}' names no profile, function or account"),
    };
}
