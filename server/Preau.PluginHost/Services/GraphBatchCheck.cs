using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Services;

/// <summary>Finds every problem of a batch before anything is written: ids and logins, references
/// between records, and the profiles each relation needs.</summary>
internal sealed partial class GraphBatchCheck
{
    private const int MaxErrors = 200;

    private readonly EstablishmentGraph _graph;
    private readonly GraphBatch _batch;
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _structures = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _levels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _subjects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rubriques = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _removed = new(StringComparer.OrdinalIgnoreCase);

    public GraphBatchCheck(EstablishmentGraph graph, GraphBatch batch)
    {
        _graph = graph;
        _batch = batch;
    }

    /// <summary>The stored code of a structure named in any case.</summary>
    public string StructureCode(string code) => _structures.GetValueOrDefault(code, code);

    /// <summary>The stored codes of the structures the batch deletes (after <see cref="Run"/>).</summary>
    public IReadOnlyList<string> RemovedStructures => _removed.Values.ToArray();

    public IReadOnlyList<string> Run()
    {
        CheckAccounts();
        CheckNodes();
        CheckRemovals();
        CheckRelations();
        return _errors;
    }

    private void CheckAccounts()
    {
        foreach (var account in _graph.Data.Accounts)
        {
            _profiles[account.Id] = account.Profile;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var logins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in _batch.Accounts)
        {
            if (a is null || string.IsNullOrWhiteSpace(a.Id))
            {
                Error("an account has no id");
                continue;
            }

            var login = a.Login?.Trim().ToLowerInvariant() ?? "";
            var who = $"account {a.Id} ({login})";
            if (!ids.Add(a.Id))
            {
                Error($"{who} is listed twice");
            }

            try
            {
                DirectoryService.ValidateLogin(login);
            }
            catch (DirectoryException ex)
            {
                Error($"{who}: {ex.Message}");
            }

            if (logins.TryGetValue(login, out var other) && other != a.Id)
            {
                Error($"{who}: login also given to account {other} in this batch");
            }

            logins[login] = a.Id;
            if (_graph.FindByLogin(login) is { } holder && holder.Id != a.Id)
            {
                Error($"{who}: login '{login}' is taken by another account ({holder.Id})");
            }

            if (string.IsNullOrWhiteSpace(a.DisplayName))
            {
                Error($"{who} has no display name");
            }

            if (string.IsNullOrWhiteSpace(a.Uai))
            {
                Error($"{who} has no UAI");
            }

            if (!Enum.IsDefined(a.Profile) || !Enum.IsDefined(a.Function) || !Enum.IsDefined(a.Status))
            {
                Error($"{who} has an unknown profile, function or status");
                continue;
            }

            _profiles[a.Id] = a.Profile.ToCore();
        }
    }

    private void CheckNodes()
    {
        _levels.UnionWith(_graph.Data.Levels.Select(l => l.Code));
        foreach (var level in _batch.Levels)
        {
            if (string.IsNullOrWhiteSpace(level?.Code))
            {
                Error("a level has no code");
                continue;
            }

            _levels.Add(level.Code);
        }

        foreach (var s in _graph.Data.Structures)
        {
            _structures[s.Code] = s.Code;
        }

        foreach (var s in _batch.Structures)
        {
            if (string.IsNullOrWhiteSpace(s?.Code))
            {
                Error("a class or group has no code");
                continue;
            }

            _structures[s.Code] = s.Code;
        }

        foreach (var s in _batch.Structures.Where(s => !string.IsNullOrWhiteSpace(s?.Code)))
        {
            if (s.LevelCode is { Length: > 0 } level && !_levels.Contains(level))
            {
                Error($"class or group {s.Code}: no level '{level}'");
            }

            foreach (var classCode in s.ClassCodes ?? [])
            {
                if (!_structures.ContainsKey(classCode))
                {
                    Error($"group {s.Code}: no class '{classCode}'");
                }
            }
        }

        _subjects.UnionWith(_graph.Data.Subjects.Select(s => s.Code));
        _subjects.UnionWith(_batch.Subjects.Where(s => !string.IsNullOrWhiteSpace(s?.Code)).Select(s => s.Code));
        _rubriques.UnionWith(_graph.Data.Rubriques.Select(r => r.Id));
        _rubriques.UnionWith(_batch.Rubriques.Where(r => !string.IsNullOrWhiteSpace(r?.Id)).Select(r => r.Id));
        if (_batch.Establishments.Any(e => string.IsNullOrWhiteSpace(e?.Uai)))
        {
            Error("an establishment has no UAI");
        }
    }

    private void CheckRelations()
    {
        foreach (var m in _batch.Memberships)
        {
            Account(m.PupilId, $"membership of {m.PupilId} in {m.StructureCode}", Profile.Eleve);
            Structure(m.StructureCode, $"membership of {m.PupilId}");
        }

        foreach (var l in _batch.ParentLinks)
        {
            var what = $"parent link {l.ParentId} → {l.PupilId}";
            Account(l.ParentId, what, Profile.Responsable);
            Account(l.PupilId, what, Profile.Eleve);
            if (l.LegalLevel is < 0 or > 2)
            {
                Error($"{what}: legal level is 0, 1 or 2, not {l.LegalLevel}");
            }
        }

        foreach (var t in _batch.Teachings)
        {
            var what = $"teaching of {t.TeacherId} in {t.StructureCode}";
            Account(t.TeacherId, what, Profile.Enseignant, Profile.Personnel, Profile.AdministrateurEnt);
            Structure(t.StructureCode, what);
            if (!string.IsNullOrEmpty(t.SubjectCode) && !_subjects.Contains(t.SubjectCode))
            {
                Error($"{what}: no subject '{t.SubjectCode}'");
            }
        }

        foreach (var m in _batch.RubriqueMembers)
        {
            var what = $"member {m.AccountId} of rubrique {m.RubriqueId}";
            Account(m.AccountId, what);
            if (!_rubriques.Contains(m.RubriqueId ?? ""))
            {
                Error($"{what}: no rubrique '{m.RubriqueId}'");
            }
        }
    }

    private void Account(string? id, string what, params Profile[] allowed)
    {
        if (id is null || !_profiles.TryGetValue(id, out var profile))
        {
            Error($"{what}: no account '{id}'");
        }
        else if (allowed.Length > 0 && !allowed.Contains(profile))
        {
            Error($"{what}: account {id} is {profile}, not {string.Join(" or ", allowed)}");
        }
    }

    private void Structure(string? code, string what)
    {
        if (code is null || !_structures.ContainsKey(code))
        {
            Error($"{what}: no class or group '{code}'");
        }
        else if (_removed.ContainsKey(code))
        {
            Error($"{what}: class or group '{code}' is deleted by the same batch");
        }
    }

    private void Error(string message)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(message);
        }
    }
}
