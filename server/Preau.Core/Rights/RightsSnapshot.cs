using System.Collections.Frozen;

namespace Preau.Core.Rights;

/// <summary>One right, resolved: its declaration and who holds it, defaults and overrides applied.</summary>
internal sealed record RightEntry(ServiceDefinition Service, ServiceAction Action, bool Installed, FrozenSet<Grantee> Defaults, FrozenSet<Grantee> Effective);

/// <summary>What <see cref="RightsService.Check"/> reads: immutable, swapped whole after each change, so
/// checks never lock.</summary>
internal sealed class RightsSnapshot
{
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }

    public required IReadOnlyList<ServiceDefinition> Pending { get; init; }

    public required FrozenDictionary<string, RightEntry> Rights { get; init; }

    public required FrozenDictionary<string, Delegation> Delegations { get; init; }

    public required IReadOnlyList<EntRoleAssignment> Roles { get; init; }

    public static RightsSnapshot Build(
        IReadOnlyList<ServiceDefinition> installed,
        IReadOnlyList<ServiceDefinition> seeds,
        IReadOnlyDictionary<string, Dictionary<Grantee, GrantOverride>> overrides,
        IEnumerable<Delegation> delegations,
        IEnumerable<EntRoleAssignment> roles)
    {
        var installedIds = installed.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var pending = seeds.Where(s => !installedIds.Contains(s.Id)).ToArray();
        var rights = new Dictionary<string, RightEntry>(StringComparer.Ordinal);
        foreach (var (services, isInstalled) in new[] { (installed, true), ((IReadOnlyList<ServiceDefinition>)pending, false) })
        {
            foreach (var service in services)
            {
                foreach (var action in service.Actions)
                {
                    var right = $"{service.Id}.{action.Id}";
                    var defaults = action.DefaultGrants.ToFrozenSet();
                    var effective = defaults.ToHashSet();
                    if (overrides.TryGetValue(right, out var changes))
                    {
                        foreach (var change in changes.Values)
                        {
                            if (change.Granted)
                            {
                                effective.Add(change.Grantee);
                            }
                            else
                            {
                                effective.Remove(change.Grantee);
                            }
                        }
                    }

                    rights[right] = new RightEntry(service, action, isInstalled, defaults, effective.ToFrozenSet());
                }
            }
        }

        return new RightsSnapshot
        {
            Services = installed,
            Pending = pending,
            Rights = rights.ToFrozenDictionary(StringComparer.Ordinal),
            Delegations = delegations.ToFrozenDictionary(d => d.AccountId, StringComparer.Ordinal),
            Roles = roles.OrderBy(r => r.Uai, StringComparer.Ordinal).ThenBy(r => r.Role).ThenBy(r => r.Login, StringComparer.Ordinal).ToArray(),
        };
    }
}
