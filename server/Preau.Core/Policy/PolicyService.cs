using Preau.Core.Graph;
using Preau.Core.Storage;

namespace Preau.Core.Policy;

/// <summary>The rule table in force and the administrator's switches (emergency stop, external
/// openings), each change saved and audited. The administrator may also replace the rule table, the
/// list rules and the rate limits at runtime (see PolicyService.Editing.cs).</summary>
public sealed partial class PolicyService
{
    private readonly IPolicyStateStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Func<EstablishmentGraph> _graph;
    private readonly Lock _lock = new();
    private volatile PolicyState _state;
    private volatile PolicyOverrides _overrides;
    private volatile PolicySettings _settings;

    /// <summary>Loads the switches and the administrator's replacements from the store.</summary>
    /// <param name="settings">The configured table (built-in defaults and preau.json).</param>
    /// <param name="store">Switches and replacements.</param>
    /// <param name="audit">Where changes are recorded.</param>
    /// <param name="time">The clock.</param>
    /// <param name="graph">The current establishment graph (classes and levels named by openings).</param>
    public PolicyService(PolicySettings settings, IPolicyStateStore store, IAuditLog audit, TimeProvider time, Func<EstablishmentGraph> graph)
    {
        Defaults = settings;
        _store = store;
        _audit = audit;
        _time = time;
        _graph = graph;
        _state = store.Load();
        _overrides = store.LoadOverrides();
        _settings = _overrides.ApplyTo(settings);
    }

    /// <summary>The rule table in force: <see cref="Defaults"/> with the administrator's replacements.
    /// Read on every decision (SendingPolicy and SendRateLimiter hold a Func to it), so a change applies
    /// to the next recipient checked.</summary>
    public PolicySettings Settings => _settings;

    /// <summary>The configured table, what a reset goes back to.</summary>
    public PolicySettings Defaults { get; }

    /// <summary>The parts the administrator replaced.</summary>
    public PolicyOverrides Overrides => _overrides;

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

    /// <summary>Closes external mail for classes that no longer exist (an import deleted them), so that a
    /// class created later under the same code does not inherit the opening. Audited when it changes anything.</summary>
    public void ForgetClasses(IReadOnlyCollection<string> classCodes, string actor)
    {
        ArgumentNullException.ThrowIfNull(classCodes);
        var open = _state.ExternalOpenClasses.Where(c => classCodes.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (open.Length == 0)
        {
            return;
        }

        Change(s => s with { ExternalOpenClasses = s.ExternalOpenClasses.Where(c => !classCodes.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray() },
            actor, "policy.external", $"classes {string.Join(", ", open)} closed: removed from the directory");
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
