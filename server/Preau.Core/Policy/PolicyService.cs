using Preau.Core.Graph;
using Preau.Core.Storage;

namespace Preau.Core.Policy;

/// <summary>The rule table in force and the administrator's switches (emergency stop, external
/// openings), each change saved and audited.</summary>
public sealed class PolicyService
{
    private readonly IPolicyStateStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Func<EstablishmentGraph> _graph;
    private readonly Lock _lock = new();
    private volatile PolicyState _state;

    /// <summary>Loads the switches from the store.</summary>
    public PolicyService(PolicySettings settings, IPolicyStateStore store, IAuditLog audit, TimeProvider time, Func<EstablishmentGraph> graph)
    {
        Settings = settings;
        _store = store;
        _audit = audit;
        _time = time;
        _graph = graph;
        _state = store.Load();
    }

    /// <summary>The rule table in force.</summary>
    public PolicySettings Settings { get; }

    /// <summary>The current switches.</summary>
    public PolicyState State => _state;

    /// <summary>Stops or resumes all sending by pupils.</summary>
    public void SetPupilSendingStopped(bool stopped, string actor) =>
        Change(s => s with { PupilSendingStopped = stopped }, actor, "policy.pupil-stop", stopped ? "on" : "off");

    /// <summary>Opens or closes external mail for all pupils.</summary>
    public void SetExternalForAllPupils(bool open, string actor) =>
        Change(s => s with { ExternalOpenForAllPupils = open }, actor, "policy.external", $"all pupils {(open ? "open" : "closed")}");

    /// <summary>Opens or closes external mail for the pupils of a class.</summary>
    public void SetExternalForClass(string classCode, bool open, string actor)
    {
        var structure = _graph().FindStructure(classCode);
        if (structure is not { Kind: StructureKind.Class })
        {
            throw new Directory.DirectoryException($"no class '{classCode}'");
        }

        Change(s => s with { ExternalOpenClasses = Toggle(s.ExternalOpenClasses, structure.Code, open) },
            actor, "policy.external", $"class {structure.Code} {(open ? "open" : "closed")}");
    }

    /// <summary>Opens or closes external mail for the pupils of a level.</summary>
    public void SetExternalForLevel(string levelCode, bool open, string actor)
    {
        var level = _graph().Data.Levels.FirstOrDefault(l => string.Equals(l.Code, levelCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new Directory.DirectoryException($"no level '{levelCode}'");
        Change(s => s with { ExternalOpenLevels = Toggle(s.ExternalOpenLevels, level.Code, open) },
            actor, "policy.external", $"level {level.Code} {(open ? "open" : "closed")}");
    }

    private static string[] Toggle(IReadOnlyList<string> list, string code, bool add)
    {
        var rest = list.Where(c => !string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
        return (add ? rest.Append(code) : rest).Order(StringComparer.Ordinal).ToArray();
    }

    private void Change(Func<PolicyState, PolicyState> change, string actor, string action, string detail)
    {
        lock (_lock)
        {
            var next = change(_state);
            _store.Save(next);
            _state = next;
        }

        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, action, detail));
    }
}
