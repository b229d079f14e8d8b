using System.Globalization;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Storage;

namespace Preau.Core.Rights;

/// <summary>Services, their actions and who may do what: the one place every API and hook asks.</summary>
/// <remarks>
/// Who holds a right = the declaration's default grants, changed by the administrator's overrides
/// (kept in the store by right name), plus the active delegations for administration rights.
/// Readers use an immutable snapshot rebuilt after each change, so <see cref="Check"/> never locks.
/// Every administrative change is saved, then written to the audit log.
/// </remarks>
public sealed partial class RightsService
{
    private static readonly System.Text.RegularExpressions.Regex IdShape = IdRegex();

    private readonly IRightsStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Func<EstablishmentGraph> _graph;
    private readonly Lock _lock = new();
    private readonly List<ServiceDefinition> _installed = [];
    private readonly Dictionary<string, Dictionary<Grantee, GrantOverride>> _overrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Delegation> _delegations = new(StringComparer.Ordinal);
    private readonly List<EntRoleAssignment> _roles = [];
    private volatile RightsSnapshot _snapshot = null!;

    /// <summary>Loads the administrator's decisions and declares the core services.</summary>
    /// <param name="store">Overrides, delegations and roles.</param>
    /// <param name="audit">Where every change is recorded.</param>
    /// <param name="time">The clock (delegation expiry).</param>
    /// <param name="graph">The current establishment graph (accounts by id and login).</param>
    public RightsService(IRightsStore store, IAuditLog audit, TimeProvider time, Func<EstablishmentGraph> graph)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        foreach (var o in store.LoadGrantOverrides())
        {
            OverridesOf(o.Right)[o.Grantee] = o;
        }

        foreach (var d in store.LoadDelegations())
        {
            _delegations[d.AccountId] = d;
        }

        _roles.AddRange(store.LoadRoleAssignments());
        foreach (var service in CoreRights.Services)
        {
            Validate(service);
            _installed.Add(service);
        }

        Rebuild();
    }

    /// <summary>The installed services (core first, then plugins in registration order).</summary>
    public IReadOnlyList<ServiceDefinition> Services => _snapshot.Services;

    /// <summary>School decisions (<see cref="CoreRights.SeedDecisions"/>) whose service no plugin has declared yet.</summary>
    public IReadOnlyList<ServiceDefinition> PendingServices => _snapshot.Pending;

    /// <summary>Declares a service (a plugin being enabled). Idempotent; declaring it again replaces it (a
    /// plugin upgrade) and keeps the administrator's changes, which are stored by right name. For a
    /// right the school has a seed decision about, the seed's grants are the defaults.</summary>
    /// <exception cref="ArgumentException">The declaration is malformed (ids, labels, duplicate actions).</exception>
    /// <exception cref="InvalidOperationException">The id belongs to the core or to another plugin.</exception>
    public void Register(ServiceDefinition service)
    {
        Validate(service);
        lock (_lock)
        {
            var index = _installed.FindIndex(s => s.Id == service.Id);
            if (index >= 0 && _installed[index].Owner != service.Owner)
            {
                throw new InvalidOperationException($"le service {service.Id} est déjà déclaré par {Owned(_installed[index].Owner)}");
            }

            var seed = CoreRights.SeedDecisions.FirstOrDefault(s => s.Id == service.Id);
            var merged = seed is null ? service : service with
            {
                Actions = service.Actions
                    .Select(a => seed.Actions.FirstOrDefault(s => s.Id == a.Id) is { } decided ? a with { DefaultGrants = decided.DefaultGrants } : a)
                    .ToArray(),
            };
            if (index >= 0)
            {
                _installed[index] = merged;
            }
            else
            {
                _installed.Add(merged);
            }

            Rebuild();
        }
    }

    /// <summary>Withdraws a plugin's service: its actions leave the matrix and every check of them is
    /// refused; the administrator's changes stay in the store for when it comes back.</summary>
    /// <exception cref="InvalidOperationException">The service is a core service.</exception>
    public void Unregister(string serviceId)
    {
        lock (_lock)
        {
            var index = _installed.FindIndex(s => s.Id == serviceId);
            if (index < 0)
            {
                return;
            }

            if (_installed[index].Owner == CoreRights.Owner)
            {
                throw new InvalidOperationException($"le service {serviceId} appartient au cœur : il ne peut pas être retiré");
            }

            _installed.RemoveAt(index);
            Rebuild();
        }
    }

    /// <summary>Whether <paramref name="account"/> holds <paramref name="right"/>, with the reason. The account's
    /// current record is used (a suspension or a new profile takes effect in open sessions too).</summary>
    public RightDecision Check(Account account, string right)
    {
        ArgumentNullException.ThrowIfNull(account);
        right ??= "";
        var current = _graph().FindById(account.Id) ?? account;
        var snapshot = _snapshot;
        if (!snapshot.Rights.TryGetValue(right, out var entry))
        {
            return new RightDecision(false, right, $"le droit {right} n'existe pas : aucun service installé ne le déclare");
        }

        if (current.State != AccountState.Active)
        {
            return new RightDecision(false, right, $"{current.Login} n'a pas le droit {right} : le compte n'est pas actif");
        }

        foreach (var grantee in (Grantee[])[Grantee.ForAccount(current.Login), Grantee.ForProfile(current.Profile), Grantee.ForFunction(current.Function)])
        {
            if ((grantee.Kind != GranteeKind.Function || current.Function != StaffFunction.None) && entry.Effective.Contains(grantee))
            {
                return new RightDecision(true, right, $"{current.Login} a le droit {right} ({grantee.Label})");
            }
        }

        var refusal = $"{current.Login} n'a pas le droit {right} ({entry.Service.Label} : {entry.Action.Label})";
        if (entry.Service.Id == CoreRights.AdministrationService && snapshot.Delegations.TryGetValue(current.Id, out var delegation))
        {
            if (!delegation.IsActiveAt(_time.GetUtcNow()))
            {
                return new RightDecision(false, right, $"{refusal} ; sa délégation d'administration a pris fin (elle courait jusqu'au {EndText(delegation.Until!.Value)})");
            }

            if (right == CoreRights.AdminDelegation)
            {
                return new RightDecision(false, right, $"{refusal} ; une délégation ne donne pas le droit de déléguer");
            }

            if (entry.Effective.Contains(Grantee.ForProfile(Profile.AdministrateurEnt)))
            {
                var until = delegation.Until is { } end ? $" jusqu'au {EndText(end)}" : "";
                return new RightDecision(true, right, $"{current.Login} a le droit {right} (délégation d'administration{until})");
            }
        }

        return new RightDecision(false, right, refusal);
    }

    /// <summary>Whether a right is declared (by an installed service or a school decision).</summary>
    public bool Exists(string right) => _snapshot.Rights.ContainsKey(right ?? "");

    /// <summary>How an end moment reads in French, in the school's time zone: "2026-09-30 inclus" for the
    /// end of a day (<see cref="Delegation.EndOfDay"/>), else the local date and time.</summary>
    public string EndText(DateTimeOffset end)
    {
        var local = TimeZoneInfo.ConvertTime(end, _time.LocalTimeZone);
        return local.TimeOfDay == TimeSpan.Zero
            ? $"{local.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} inclus"
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The end of <paramref name="date"/> in the school's time zone (the clock's).</summary>
    public DateTimeOffset EndOfDay(DateOnly date) => Delegation.EndOfDay(date, _time.LocalTimeZone);

    private static string Owned(string owner) => owner == CoreRights.Owner ? "le cœur" : $"l'extension {owner}";

    private static void Validate(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!IdShape.IsMatch(service.Id ?? ""))
        {
            throw new ArgumentException($"identifiant de service invalide « {service.Id} » : lettres minuscules, chiffres et tirets", nameof(service));
        }

        if (string.IsNullOrWhiteSpace(service.Label) || string.IsNullOrWhiteSpace(service.Owner) || service.Actions is null || service.Actions.Count == 0)
        {
            throw new ArgumentException($"le service {service.Id} doit avoir un libellé, un propriétaire et au moins une action", nameof(service));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in service.Actions)
        {
            if (action is null || !IdShape.IsMatch(action.Id ?? "") || !seen.Add(action.Id!))
            {
                throw new ArgumentException($"action invalide ou en double dans le service {service.Id} : « {action?.Id} »", nameof(service));
            }

            if (string.IsNullOrWhiteSpace(action.Label) || action.DefaultGrants is null || action.DefaultGrants.Any(g => g is null))
            {
                throw new ArgumentException($"l'action {service.Id}.{action.Id} doit avoir un libellé et une liste de bénéficiaires", nameof(service));
            }
        }
    }

    private Dictionary<Grantee, GrantOverride> OverridesOf(string right)
    {
        if (!_overrides.TryGetValue(right, out var changes))
        {
            changes = [];
            _overrides[right] = changes;
        }

        return changes;
    }

    /// <summary>Builds the next snapshot; the caller holds <see cref="_lock"/> (or is the constructor).</summary>
    private void Rebuild() =>
        _snapshot = RightsSnapshot.Build(_installed.ToArray(), CoreRights.SeedDecisions, _overrides, _delegations.Values, _roles);

    private void Audit(string actor, string action, string detail) =>
        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, action, detail));

    private Account FindAccount(string login) =>
        _graph().FindByLogin((login ?? "").Trim().ToLowerInvariant())
        ?? throw new RightsException($"aucun compte « {login} »") { NotFound = true };

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex IdRegex();
}
