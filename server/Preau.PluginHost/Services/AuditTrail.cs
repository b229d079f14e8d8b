using System.Text.RegularExpressions;
using Preau.Core.Accounts;
using Preau.Core.Storage;
using Preau.Plugins.Audit;

namespace Preau.PluginHost.Services;

/// <summary><see cref="IAuditTrail"/> over Core's audit log. The entry's actor is the acting account's
/// login (the log's actor filter finds it); the detail gets the plugin's id, and for an académie
/// support account (DANE) that it acted as one, with its delegation as it stands at that instant.
/// A plugin may only write actions of the services it declares, never Core's (<c>account.*</c>…).</summary>
internal sealed partial class AuditTrail(PluginHostServices host, string pluginId, IReadOnlyCollection<string> services) : IAuditTrail
{
    private const int MaxDetail = 1000;

    public void Record(string actorId, string action, string detail)
    {
        ArgumentNullException.ThrowIfNull(action);
        var account = (actorId is null ? null : host.Directory.Graph.FindById(actorId))
            ?? throw new ArgumentException($"no account '{actorId}'", nameof(actorId));
        if (action.Length > 64 || !ActionPattern().IsMatch(action) || !services.Contains(action[..action.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{action}' is not '<service>.<verb>' for a service of {pluginId} ({string.Join(", ", services)})", nameof(action));
        }

        var text = new string([.. (detail ?? "").Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (text.Length > MaxDetail)
        {
            text = text[..MaxDetail] + "…";
        }

        host.Audit.Append(new AuditEntry(host.Time.GetUtcNow(), account.Login, action, $"{text} [{Who(account)}extension {pluginId}]"));
    }

    /// <summary>How the actor acted, when it matters: as the académie's support, delegated or not.</summary>
    private string Who(Account account)
    {
        var delegation = host.Rights.Delegations.FirstOrDefault(d => d.AccountId == account.Id);
        if (delegation is not null && host.Rights.IsActive(delegation))
        {
            var until = delegation.Until is { } end ? $" jusqu'au {host.Rights.EndText(end)}" : "";
            return $"compte académique (DANE) sous délégation d'administration{until}, ";
        }

        return account.Function == StaffFunction.SupportAcademique ? "compte académique (DANE) sans délégation active, " : "";
    }

    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$")]
    private static partial Regex ActionPattern();
}
