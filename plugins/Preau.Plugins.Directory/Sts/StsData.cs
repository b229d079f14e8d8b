using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Sts;

/// <summary>A PROF_PRINC of an INDIVIDU.</summary>
internal sealed record RawProfPrincipal(string ClassCode, int? Line);

/// <summary>An INDIVIDU as STSweb gives it.</summary>
internal sealed record RawIndividu(
    string Id, string Type, string LastName, string FirstName, string? Fonction, string? Grade,
    IReadOnlyList<RawProfPrincipal> ProfsPrincipaux, int? Line)
{
    public string Key => ImportedStaff.KeyOf(Id, Type);
}

/// <summary>A DIVISION or GROUPE of STSweb's STRUCTURE block.</summary>
internal sealed record RawStsStructure(string Code, StructureType Type, IReadOnlyList<string> ClassCodes, int? Line);

/// <summary>One ENSEIGNANT of one SERVICE.</summary>
internal sealed record RawService(string StructureCode, StructureType StructureType, string SubjectCode, string TeacherKey, int? Line);

/// <summary>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml, read.</summary>
internal sealed record StsData(
    ExportHeader Header,
    IReadOnlyList<ImportedSubject> Subjects,
    IReadOnlyList<RawIndividu> Individus,
    IReadOnlyList<RawStsStructure> Structures,
    IReadOnlyList<RawService> Services);
