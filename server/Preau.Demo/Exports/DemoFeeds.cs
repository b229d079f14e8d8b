using System.Globalization;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo.Exports;

/// <summary>A pupil as SIECLE knows them: ELEVE_ID and ELENOET (SIECLE's own numbers), the INE in
/// the account's external id, their division and groups, the MEF of their level and that level's
/// order (1 for 6e; 0 without a division).</summary>
internal sealed record FedPupil(
    Account Account, string EleveId, string Elenoet, string? ClassCode, IReadOnlyList<string> GroupCodes, string? MefCode, int LevelOrder);

/// <summary>A RESPONSABLE_ELEVE: legal level 1 or 2 (légal), 0 (en charge).</summary>
internal sealed record FedLink(string EleveId, string PersonneId, int LegalLevel);

/// <summary>The demo graph cut the way the national feeds carry it: SIECLE has the pupils,
/// responsables, structures and subjects; STSweb the staff, their services and the professeurs
/// principaux. Only accounts with an external id are in a feed.</summary>
internal sealed class DemoFeeds
{
    /// <summary>The first ELEVE_ID handed out (SIECLE numbers pupils itself).</summary>
    private const int FirstEleveId = 100_001;

    private readonly Dictionary<string, string> _stsIds;

    public DemoFeeds(GraphData school)
    {
        School = school;
        var structures = school.Structures.ToDictionary(s => s.Code, StringComparer.Ordinal);
        Classes = [.. school.Structures.Where(s => s.Kind == StructureKind.Class)];
        Groups = [.. school.Structures.Where(s => s.Kind == StructureKind.Group)];
        var memberships = school.Memberships.ToLookup(m => m.PupilId, m => m.StructureCode, StringComparer.Ordinal);

        var pupils = new List<FedPupil>();
        foreach (var account in school.Accounts.Where(a => a.Profile == Profile.Eleve && a.ExternalId is not null))
        {
            var number = (FirstEleveId + pupils.Count).ToString(CultureInfo.InvariantCulture);
            var codes = memberships[account.Id].Where(structures.ContainsKey).ToList();
            var classCode = codes.SingleOrDefault(c => structures[c].Kind == StructureKind.Class);
            var groups = codes.Where(c => structures[c].Kind == StructureKind.Group).Order(StringComparer.Ordinal).ToArray();
            var level = classCode is null ? null : school.Levels.FirstOrDefault(l => l.Code == structures[classCode].LevelCode);
            pupils.Add(new FedPupil(account, number, "E" + number, classCode, groups, level is null ? null : DemoMefs.Of(level.Code).Code, level?.Order ?? 0));
        }

        Pupils = pupils;
        var eleveIds = pupils.ToDictionary(p => p.Account.Id, p => p.EleveId, StringComparer.Ordinal);
        var fedAccounts = school.Accounts.Where(a => a.ExternalId is not null).ToDictionary(a => a.Id, StringComparer.Ordinal);
        Links = [.. school.ParentLinks
            .Where(l => eleveIds.ContainsKey(l.PupilId) && fedAccounts.TryGetValue(l.ParentId, out var parent) && parent.Profile == Profile.Responsable)
            .Select(l => new FedLink(eleveIds[l.PupilId], fedAccounts[l.ParentId].ExternalId!, l.LegalLevel))];
        var linked = Links.Select(l => l.PersonneId).ToHashSet(StringComparer.Ordinal);
        Responsables = [.. school.Accounts.Where(a => a.Profile == Profile.Responsable && a.ExternalId is { } id && linked.Contains(id))];

        Staff = [.. school.Accounts.Where(a => a.Profile is Profile.Enseignant or Profile.Personnel && a.ExternalId is not null)];
        _stsIds = Staff.ToDictionary(a => a.Id, a => a.ExternalId!, StringComparer.Ordinal);
        var staffIds = Staff.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var teachings = school.Teachings.Where(t => staffIds.Contains(t.TeacherId)).ToList();
        Services = teachings.Where(t => t.SubjectCode.Length > 0).ToLookup(t => t.StructureCode, StringComparer.Ordinal);
        PrincipalOf = teachings.Where(t => t.ProfPrincipal)
            .Select(t => (t.TeacherId, t.StructureCode)).Distinct()
            .ToLookup(t => t.TeacherId, t => t.StructureCode, StringComparer.Ordinal);
        SubjectsOf = teachings.Where(t => t.SubjectCode.Length > 0)
            .ToLookup(t => t.TeacherId, t => t.SubjectCode, StringComparer.Ordinal);
    }

    /// <summary>The generated school.</summary>
    public GraphData School { get; }

    /// <summary>Divisions, in the graph's order.</summary>
    public IReadOnlyList<Structure> Classes { get; }

    /// <summary>Groups, in the graph's order.</summary>
    public IReadOnlyList<Structure> Groups { get; }

    /// <summary>Pupils with an INE, in the graph's order.</summary>
    public IReadOnlyList<FedPupil> Pupils { get; }

    /// <summary>Responsables linked to a pupil of the file.</summary>
    public IReadOnlyList<Account> Responsables { get; }

    /// <summary>Links between the responsables and the pupils.</summary>
    public IReadOnlyList<FedLink> Links { get; }

    /// <summary>Teachers and staff with an STS id.</summary>
    public IReadOnlyList<Account> Staff { get; }

    /// <summary>Teaching services (with a subject) by structure code.</summary>
    public ILookup<string, Teaching> Services { get; }

    /// <summary>Classes each teacher is professeur principal of, by account id.</summary>
    public ILookup<string, string> PrincipalOf { get; }

    /// <summary>Subjects each teacher teaches, by account id.</summary>
    public ILookup<string, string> SubjectsOf { get; }

    /// <summary>The MEFs the classes use, in level order.</summary>
    public IEnumerable<(string Code, string Formation, string Label)> Mefs =>
        School.Levels.OrderBy(l => l.Order).Select(l => DemoMefs.Of(l.Code));

    /// <summary>The STS id (INDIVIDU/@ID) of a member of staff by account id.</summary>
    public string StsIdOf(string accountId) => _stsIds[accountId];

    /// <summary>PARAMETRES as every SIECLE file opens with: UAJ, ANNEE_SCOLAIRE, DATE_EXPORT.</summary>
    public void WriteSiecleParametres(System.Xml.XmlWriter w)
    {
        var date = DemoExports.ExportDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        w.WriteStartElement("PARAMETRES");
        ExportXml.Text(w, "UAJ", DemoSchool.Uai);
        ExportXml.Text(w, "ANNEE_SCOLAIRE", DemoExports.SchoolYear);
        ExportXml.Text(w, "DATE_EXPORT", date);
        ExportXml.Text(w, "HORODATAGE", date + " 07:30:00");
        w.WriteEndElement();
    }
}
