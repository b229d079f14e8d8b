using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary>Whom one caller may see in the directory, and whose pupil details (parents, groups).</summary>
/// <remarks>
/// A pupil sees the pupils of their own classes and groups, the teachers teaching them, the staff and
/// their own parents, never another pupil's parents. A parent sees their children, their children's
/// teachers and the staff, not other parents nor other pupils. Teachers and staff see everyone; the
/// details of a pupil's card need the right <c>fiche-eleve.read</c> (given to the constructor).
/// Administrators see everything. Pupils and parents do not see departed accounts.
/// </remarks>
public sealed class DirectoryVisibility
{
    private readonly DirectoryIndex _index;
    private readonly int _caller;
    private readonly AccountProfile _profile;
    private readonly bool _ficheEleve;
    private readonly HashSet<string> _structures = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _family = [];

    /// <summary>The visibility of the account at <paramref name="caller"/> in <paramref name="index"/>;
    /// <paramref name="ficheEleve"/>: whether it holds <c>fiche-eleve.read</c>.</summary>
    public DirectoryVisibility(DirectoryIndex index, int caller, bool ficheEleve)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(caller);
        _index = index;
        _caller = caller;
        _profile = index.People[caller].Profile;
        _ficheEleve = ficheEleve;
        if (_profile == AccountProfile.Eleve)
        {
            _structures.UnionWith(index.StructuresOf.GetValueOrDefault(caller, []));
            _family.UnionWith(index.ParentsOf.GetValueOrDefault(caller, []).Select(l => index.IndexOf(l.ParentId)));
        }
        else if (_profile == AccountProfile.Responsable)
        {
            foreach (var child in index.ChildrenOf.GetValueOrDefault(caller, []))
            {
                _family.Add(child);
                _structures.UnionWith(index.StructuresOf.GetValueOrDefault(child, []));
            }
        }
    }

    /// <summary>Whether the caller may find the person at <paramref name="target"/> and see their card.</summary>
    public bool CanSee(int target)
    {
        if (target == _caller || _profile is AccountProfile.AdministrateurEnt or AccountProfile.Personnel or AccountProfile.Enseignant)
        {
            return true;
        }

        var person = _index.People[target];
        if (person.Status == AccountStatus.Left)
        {
            return false;
        }

        return person.Profile switch
        {
            AccountProfile.Personnel or AccountProfile.AdministrateurEnt => true,
            AccountProfile.Enseignant => Teaches(target),
            AccountProfile.Eleve => _family.Contains(target) || (_profile == AccountProfile.Eleve && SharesStructure(target)),
            AccountProfile.Responsable => _family.Contains(target),
            _ => false,
        };
    }

    /// <summary>Whether the card of the pupil at <paramref name="target"/> shows its parents and
    /// groups: the pupil, their parents, administrators, or teachers and staff with <c>fiche-eleve.read</c>.</summary>
    public bool SeesPupilDetails(int target) =>
        target == _caller
        || _profile == AccountProfile.AdministrateurEnt
        || (_profile == AccountProfile.Responsable && _family.Contains(target))
        || (_profile is AccountProfile.Enseignant or AccountProfile.Personnel && _ficheEleve);

    private bool Teaches(int teacher) =>
        _index.TeachingsOf.GetValueOrDefault(teacher, []).Any(t => _structures.Contains(t.StructureCode));

    private bool SharesStructure(int pupil) =>
        _index.StructuresOf.GetValueOrDefault(pupil, []).Any(_structures.Contains);
}
