using System.Collections.Frozen;
using Preau.Core.Accounts;
using Preau.Core.Policy;

namespace Preau.Core.Graph;

/// <summary>An immutable, indexed snapshot of the establishment graph. The policy reads it on every
/// recipient, so every question it answers is a dictionary or set lookup; writers build a new snapshot.</summary>
public sealed class EstablishmentGraph
{
    private static readonly FrozenSet<string> NoIds = FrozenSet<string>.Empty;

    private readonly FrozenDictionary<string, Account> _byId;
    private readonly FrozenDictionary<string, Account> _byLogin;
    private readonly FrozenDictionary<string, Structure> _structures;
    private readonly FrozenDictionary<string, Structure> _structuresBySlug;
    private readonly FrozenDictionary<string, Rubrique> _rubriquesBySlug;
    private readonly FrozenDictionary<string, FrozenSet<string>> _structuresOfPupil;
    private readonly FrozenDictionary<string, string> _classOfPupil;
    private readonly FrozenDictionary<string, FrozenSet<string>> _pupilsOfStructure;
    private readonly FrozenDictionary<string, FrozenSet<string>> _parentsOfPupil;
    private readonly FrozenDictionary<string, FrozenSet<string>> _childrenOfParent;
    private readonly FrozenDictionary<string, FrozenSet<string>> _taughtBy;
    private readonly FrozenDictionary<string, FrozenSet<string>> _teachersOf;
    private readonly FrozenDictionary<string, FrozenSet<string>> _diffusionRubriquesOf;
    private readonly FrozenDictionary<string, FrozenSet<string>> _membersOfRubrique;

    private EstablishmentGraph(GraphData data)
    {
        Data = data;
        _byId = data.Accounts.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        _byLogin = data.Accounts.ToFrozenDictionary(a => a.Login, StringComparer.OrdinalIgnoreCase);
        _structures = data.Structures.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _structuresBySlug = data.Structures.ToFrozenDictionary(s => Slug.Fold(s.Code), StringComparer.OrdinalIgnoreCase);
        _rubriquesBySlug = data.Rubriques.ToFrozenDictionary(r => Slug.Fold(r.Id), StringComparer.OrdinalIgnoreCase);

        var memberships = data.Memberships.Where(m => _structures.ContainsKey(m.StructureCode)).ToArray();
        _structuresOfPupil = Group(memberships, m => m.PupilId, m => _structures[m.StructureCode].Code, StringComparer.Ordinal);
        _classOfPupil = memberships
            .Where(m => _structures[m.StructureCode].Kind == StructureKind.Class)
            .GroupBy(m => m.PupilId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => _structures[g.First().StructureCode].Code, StringComparer.Ordinal);
        _pupilsOfStructure = Group(memberships, m => _structures[m.StructureCode].Code, m => m.PupilId, StringComparer.OrdinalIgnoreCase);
        _parentsOfPupil = Group(data.ParentLinks, l => l.PupilId, l => l.ParentId, StringComparer.Ordinal);
        _childrenOfParent = Group(data.ParentLinks, l => l.ParentId, l => l.PupilId, StringComparer.Ordinal);
        var teachings = data.Teachings.Where(t => _structures.ContainsKey(t.StructureCode)).ToArray();
        _taughtBy = Group(teachings, t => t.TeacherId, t => _structures[t.StructureCode].Code, StringComparer.Ordinal);
        _teachersOf = Group(teachings, t => _structures[t.StructureCode].Code, t => t.TeacherId, StringComparer.OrdinalIgnoreCase);
        var diffusion = data.Rubriques.Where(r => r.DiffusionList).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        _diffusionRubriquesOf = Group(data.RubriqueMembers.Where(m => diffusion.Contains(m.RubriqueId)), m => m.AccountId, m => m.RubriqueId, StringComparer.Ordinal);
        _membersOfRubrique = Group(data.RubriqueMembers, m => m.RubriqueId, m => m.AccountId, StringComparer.Ordinal);
    }

    /// <summary>The data the snapshot was built from.</summary>
    public GraphData Data { get; }

    /// <summary>An empty graph.</summary>
    public static EstablishmentGraph Empty { get; } = new(new GraphData());

    /// <summary>Builds the indexes.</summary>
    public static EstablishmentGraph Build(GraphData data) => new(data ?? throw new ArgumentNullException(nameof(data)));

    /// <summary>The account with this id.</summary>
    public Account? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The account with this login (case-insensitive).</summary>
    public Account? FindByLogin(string login) => _byLogin.GetValueOrDefault(login);

    /// <summary>The class or group with this code (case-insensitive).</summary>
    public Structure? FindStructure(string code) => _structures.GetValueOrDefault(code);

    /// <summary>The class or group whose folded code is <paramref name="slug"/> (as in list addresses).</summary>
    public Structure? FindStructureBySlug(string slug) => _structuresBySlug.GetValueOrDefault(slug);

    /// <summary>The rubrique whose folded id is <paramref name="slug"/>.</summary>
    public Rubrique? FindRubriqueBySlug(string slug) => _rubriquesBySlug.GetValueOrDefault(slug);

    /// <summary>Codes of the classes and groups a pupil is in.</summary>
    public IReadOnlySet<string> StructuresOf(string pupilId) => _structuresOfPupil.GetValueOrDefault(pupilId, NoIds);

    /// <summary>Code of a pupil's class, if any.</summary>
    public string? ClassOf(string pupilId) => _classOfPupil.GetValueOrDefault(pupilId);

    /// <summary>Ids of the pupils of a class or group.</summary>
    public IReadOnlySet<string> PupilsOf(string structureCode) => _pupilsOfStructure.GetValueOrDefault(structureCode, NoIds);

    /// <summary>Ids of a pupil's responsables.</summary>
    public IReadOnlySet<string> ParentsOf(string pupilId) => _parentsOfPupil.GetValueOrDefault(pupilId, NoIds);

    /// <summary>Ids of a responsable's children.</summary>
    public IReadOnlySet<string> ChildrenOf(string parentId) => _childrenOfParent.GetValueOrDefault(parentId, NoIds);

    /// <summary>Codes of the classes and groups a teacher teaches.</summary>
    public IReadOnlySet<string> TaughtBy(string teacherId) => _taughtBy.GetValueOrDefault(teacherId, NoIds);

    /// <summary>Ids of the teachers of a class or group.</summary>
    public IReadOnlySet<string> TeachersOf(string structureCode) => _teachersOf.GetValueOrDefault(structureCode, NoIds);

    /// <summary>Ids of the members of a rubrique.</summary>
    public IReadOnlySet<string> MembersOf(string rubriqueId) => _membersOfRubrique.GetValueOrDefault(rubriqueId, NoIds);

    /// <summary>Ids of the rubriques with a diffusion list that an account belongs to.</summary>
    public IReadOnlySet<string> DiffusionRubriquesOf(string accountId) => _diffusionRubriquesOf.GetValueOrDefault(accountId, NoIds);

    /// <summary>Whether <paramref name="recipient"/> stands in <paramref name="relation"/> to <paramref name="sender"/>.</summary>
    public bool Holds(Relation relation, Account sender, Account recipient)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        return relation switch
        {
            Relation.SameEstablishment => string.Equals(sender.Uai, recipient.Uai, StringComparison.OrdinalIgnoreCase),
            Relation.SameClass => ClassOf(sender.Id) is { } c && string.Equals(c, ClassOf(recipient.Id), StringComparison.OrdinalIgnoreCase),
            Relation.SameGroup => Overlaps(StructuresOf(sender.Id), StructuresOf(recipient.Id), StructureKind.Group),
            Relation.TeachesSender => Overlaps(TaughtBy(recipient.Id), StructuresOf(sender.Id)),
            Relation.ParentOfSender => ParentsOf(sender.Id).Contains(recipient.Id),
            Relation.ChildOfSender => ChildrenOf(sender.Id).Contains(recipient.Id),
            Relation.TeachesSendersChild => AnyChildIn(sender.Id, TaughtBy(recipient.Id)),
            Relation.TaughtBySender => Overlaps(TaughtBy(sender.Id), StructuresOf(recipient.Id)),
            Relation.ParentOfPupilTaughtBySender => AnyChildIn(recipient.Id, TaughtBy(sender.Id)),
            Relation.TeachesSameStructure => Overlaps(TaughtBy(sender.Id), TaughtBy(recipient.Id)),
            Relation.SameRubrique => Overlaps(DiffusionRubriquesOf(sender.Id), DiffusionRubriquesOf(recipient.Id)),
            _ => false,
        };
    }

    private bool AnyChildIn(string parentId, IReadOnlySet<string> structures)
    {
        if (structures.Count == 0)
        {
            return false;
        }

        foreach (var child in ChildrenOf(parentId))
        {
            if (Overlaps(structures, StructuresOf(child)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Overlaps(IReadOnlySet<string> a, IReadOnlySet<string> b, StructureKind? kind = null)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        foreach (var item in small)
        {
            if (large.Contains(item) && (kind is null || _structures[item].Kind == kind))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, FrozenSet<string>> Group<T>(
        IEnumerable<T> items, Func<T, string> key, Func<T, string> value, StringComparer keyComparer) =>
        items.GroupBy(key, keyComparer)
            .ToFrozenDictionary(g => g.Key, g => g.Select(value).ToFrozenSet(StringComparer.OrdinalIgnoreCase), keyComparer);
}
