using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary>What the API shows of a person: a result line, or the card.</summary>
public static class DirectoryCard
{
    /// <summary>A result line: id, names, profile, state, main establishment, login and address.</summary>
    public static object Summary(DirectoryIndex index, IGraphReader graph, AccountRecord person)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(person);
        return new
        {
            id = person.Id,
            nom = person.LastName,
            prenom = person.FirstName,
            profil = person.Profile.ToString(),
            etat = person.Status.ToString(),
            etablissement = index.Establishments.GetValueOrDefault(person.Uai, person.Uai),
            login = person.Login,
            address = graph.AddressOf(person),
        };
    }

    /// <summary>The card of the person at <paramref name="target"/>: rattachements, classes and groups,
    /// subjects and levels taught, and for pupils their parents (when <paramref name="visibility"/>
    /// allows the details; null otherwise), for parents their children the caller may see; then what
    /// the caller may do (<paramref name="extras"/>: <c>actions</c>, <c>modifiable</c>, <c>externe</c>,
    /// <c>valeursManuelles</c>; none when null).</summary>
    public static object Build(DirectoryIndex index, IGraphReader graph, DirectoryVisibility visibility, int target, CardExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(visibility);
        var person = index.People[target];
        var isPupil = person.Profile == AccountProfile.Eleve;
        var details = !isPupil || visibility.SeesPupilDetails(target);
        var structures = index.StructuresOf.GetValueOrDefault(target, [])
            .Select(index.Structure).OfType<StructureRecord>()
            .Where(s => details || s.Type == StructureType.Class)
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToArray();
        var teachings = index.TeachingsOf.GetValueOrDefault(target, []);
        var taught = teachings.Select(t => index.Structure(t.StructureCode)).OfType<StructureRecord>().ToArray();
        return new
        {
            person = Summary(index, graph, person),
            rattachements = new[] { new { uai = person.Uai, nom = index.Establishments.GetValueOrDefault(person.Uai, person.Uai) } },
            classes = structures.Where(s => s.Type == StructureType.Class).Select(s => new { code = s.Code, nom = s.Name }),
            groupes = structures.Where(s => s.Type == StructureType.Group).Select(s => new { code = s.Code, nom = s.Name }),
            enseignements = teachings
                .OrderBy(t => t.SubjectCode, StringComparer.Ordinal).ThenBy(t => t.StructureCode, StringComparer.Ordinal)
                .Select(t => new { matiere = t.SubjectCode, libelle = index.Subjects.GetValueOrDefault(t.SubjectCode)?.Name ?? t.SubjectCode, structure = t.StructureCode, professeurPrincipal = t.ProfPrincipal }),
            matieres = teachings.Select(t => t.SubjectCode).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
                .Select(code => new { code, nom = index.Subjects.GetValueOrDefault(code)?.Name ?? code }),
            niveaux = taught.SelectMany(index.LevelsOfStructure).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(code => index.Levels.GetValueOrDefault(code)).OfType<LevelRecord>().OrderBy(l => l.Order)
                .Select(l => new { code = l.Code, nom = l.Name }),
            responsables = !isPupil || !details ? null : index.ParentsOf.GetValueOrDefault(target, [])
                .Select(l => (link: l, at: index.IndexOf(l.ParentId)))
                .OrderBy(p => p.link.LegalLevel).ThenBy(p => p.at)
                .Select(p => new { person = Summary(index, graph, index.People[p.at]), niveauLegal = p.link.LegalLevel }),
            enfants = person.Profile != AccountProfile.Responsable ? null : index.ChildrenOf.GetValueOrDefault(target, [])
                .Where(visibility.CanSee).Order()
                .Select(c => Summary(index, graph, index.People[c])),
            actions = extras?.Actions ?? [],
            modifiable = extras?.Modifiable,
            externe = extras?.Externe,
            valeursManuelles = extras?.ManualFields,
        };
    }
}

/// <summary>What a card adds about the caller's actions on it.</summary>
/// <param name="Actions">Among <c>modify</c>, <c>external</c>, <c>suspend</c>, <c>reactivate</c>, <c>rubriques</c>.</param>
/// <param name="Modifiable">The current values of the modifiable fields (with <c>modify</c>), else null.</param>
/// <param name="Externe">Every outside service's identifier, null when unset (with <c>external</c>), else null.</param>
/// <param name="ManualFields">Which of <paramref name="Modifiable"/>'s fields were set by hand and are kept
/// over the feed's at each import (with <c>modify</c>), else null.</param>
public sealed record CardExtras(
    IReadOnlyList<string> Actions,
    object? Modifiable,
    IReadOnlyDictionary<string, string?>? Externe,
    IReadOnlyList<string>? ManualFields);
