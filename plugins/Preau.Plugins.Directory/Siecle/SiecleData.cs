using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Reading;

namespace Preau.Plugins.Directory.Siecle;

/// <summary>A pupil as ElevesSansAdresses.xml gives it, with the line for later messages.</summary>
internal sealed record RawPupil(
    string EleveId, string? Ine, string? Elenoet, string LastName, string FirstName, string? MefCode, DateOnly? LeftOn, int? Line);

/// <summary>One STRUCTURE of a STRUCTURES_ELEVE.</summary>
internal sealed record RawPupilStructure(string EleveId, string Code, StructureType Type, int? Line);

/// <summary>ElevesSansAdresses.xml / ElevesAvecAdresses.xml, read.</summary>
internal sealed record SiecleEleves(ExportHeader Header, IReadOnlyList<RawPupil> Pupils, IReadOnlyList<RawPupilStructure> Structures);

/// <summary>A PERSONNE of ResponsablesAvecAdresses.xml.</summary>
internal sealed record RawPerson(string PersonneId, string LastName, string FirstName, int? Line);

/// <summary>A RESPONSABLE_ELEVE: RESP_LEGAL and/or NIVEAU_RESPONSABILITE as found.</summary>
internal sealed record RawLink(string EleveId, string PersonneId, int? RespLegal, int? Niveau, string? CodeParente, int? Line);

/// <summary>ResponsablesAvecAdresses.xml, read (addresses are never read).</summary>
internal sealed record SiecleResponsables(ExportHeader Header, IReadOnlyList<RawPerson> Persons, IReadOnlyList<RawLink> Links);

/// <summary>A MEF of Nomenclature.xml, with its line.</summary>
internal sealed record RawMef(ImportedMef Mef, int? Line);

/// <summary>Nomenclature.xml, read.</summary>
internal sealed record SiecleNomenclature(ExportHeader Header, IReadOnlyList<ImportedSubject> Subjects, IReadOnlyList<RawMef> Mefs);

/// <summary>A DIVISION of Structures.xml.</summary>
internal sealed record RawDivision(string Code, string Name, IReadOnlyList<string> MefCodes, int? Line);

/// <summary>A GROUPE of Structures.xml.</summary>
internal sealed record RawGroup(string Code, string Name, IReadOnlyList<string> ClassCodes, int? Line);

/// <summary>Structures.xml, read.</summary>
internal sealed record SiecleStructures(ExportHeader Header, IReadOnlyList<RawDivision> Divisions, IReadOnlyList<RawGroup> Groups);
