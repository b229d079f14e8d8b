using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>The fixed demo accounts and the relations that define them. The generated relations
/// never add to these: no other teacher teaches ANGLAIS LV1 to 6A or 5B or MATHEMATIQUES to 6A,
/// and the persona pupils have no responsable but their persona parent (eleve2.6a aside).</summary>
internal static class PersonaAccounts
{
    public const string Principal = "principal";
    public const string PrincipalAdmin = "principal.admin";
    public const string Admin = "admin";
    public const string Dane = "dane";
    public const string Cpe = "cpe";
    public const string ProfAnglais = "prof.anglais";
    public const string ProfMaths = "prof.maths";
    public const string Eleve6A = "eleve.6a";
    public const string Eleve26A = "eleve2.6a";
    public const string Eleve5B = "eleve.5b";
    public const string Parent6A = "parent.6a";
    public const string Parent5B = "parent.5b";

    /// <summary>PersonId shared by the head teacher's two identities.</summary>
    public const string PrincipalPerson = "person-principal";

    /// <summary>The group eleve.5b is in (5e, so never shared with eleve.6a).</summary>
    public static readonly string Eleve5BGroup = DemoCatalog.SpanishGroup("5", 1);

    public static IReadOnlyList<DemoPersona> All { get; } =
    [
        new(Principal, "Chef d'établissement (identité de publication)"),
        new(PrincipalAdmin, "Chef d'établissement (identité d'administration ENT, même personne que principal)"),
        new(Admin, "Administrateur ENT"),
        new(Dane, "Support académique (DANE) : administration déléguée quand un administrateur la lui accorde"),
        new(Cpe, "Conseiller principal d'éducation"),
        new(ProfAnglais, "Professeur d'anglais LV1 en 6A et 5B, professeur principal de 5B"),
        new(ProfMaths, "Professeur de mathématiques en 6A seulement, professeur principal de 6A"),
        new(Eleve6A, "Élève de 6A, sans groupe ni rubrique (responsable : parent.6a)"),
        new(Eleve26A, "Élève de 6A, camarade de classe d'eleve.6a"),
        new(Eleve5B, $"Élève de 5B, groupe {Eleve5BGroup} (responsable : parent.5b)"),
        new(Parent6A, "Responsable légal 1 d'eleve.6a"),
        new(Parent5B, "Responsable légal 1 d'eleve.5b"),
    ];

    public static void Add(SchoolBuilder school)
    {
        school.AddPersona(Principal, "Principal", "Démo", Profile.Personnel, StaffFunction.Direction, school.NextStsId(), PrincipalPerson);
        school.AddPersona(
            PrincipalAdmin, "Principal", "Démo", Profile.AdministrateurEnt, StaffFunction.Direction, null, PrincipalPerson, "Principal Démo (administration)");
        school.AddPersona(Admin, "Administrateur ENT", "Démo", Profile.AdministrateurEnt, StaffFunction.None, null);
        school.AddPersona(Cpe, "CPE", "Démo", Profile.Personnel, StaffFunction.Cpe, school.NextStsId());
        school.AddPersona(Dane, "Support DANE", "Démo", Profile.Personnel, StaffFunction.SupportAcademique, null);

        var anglais = school.AddPersona(ProfAnglais, "Prof. Anglais", "Démo", Profile.Enseignant, StaffFunction.None, school.NextStsId());
        var maths = school.AddPersona(ProfMaths, "Prof. Maths", "Démo", Profile.Enseignant, StaffFunction.None, school.NextStsId());
        school.Teachings.Add(new Teaching(anglais.Id, DemoCatalog.Anglais, "6A"));
        school.Teachings.Add(new Teaching(anglais.Id, DemoCatalog.Anglais, "5B", ProfPrincipal: true));
        school.Teachings.Add(new Teaching(maths.Id, DemoCatalog.Maths, "6A", ProfPrincipal: true));

        var eleve6A = school.AddPersona(Eleve6A, "Élève 6A", "Démo", Profile.Eleve, StaffFunction.None, school.NextIne());
        var eleve26A = school.AddPersona(Eleve26A, "Élève 2 6A", "Démo", Profile.Eleve, StaffFunction.None, school.NextIne());
        var eleve5B = school.AddPersona(Eleve5B, "Élève 5B", "Démo", Profile.Eleve, StaffFunction.None, school.NextIne());
        school.Enrol(eleve6A, "6A");
        school.Enrol(eleve26A, "6A");
        school.Enrol(eleve5B, "5B");
        school.Memberships.Add(new StructureMembership(eleve5B.Id, Eleve5BGroup));

        var parent6A = school.AddPersona(Parent6A, "Parent 6A", "Démo", Profile.Responsable, StaffFunction.None, school.NextResponsableId());
        var parent5B = school.AddPersona(Parent5B, "Parent 5B", "Démo", Profile.Responsable, StaffFunction.None, school.NextResponsableId());
        school.ParentLinks.Add(new ParentLink(parent6A.Id, eleve6A.Id, 1));
        school.ParentLinks.Add(new ParentLink(parent5B.Id, eleve5B.Id, 1));
    }
}
