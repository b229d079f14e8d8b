using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Siecle;
using Preau.Plugins.Directory.Sts;

namespace Preau.Plugins.Directory.Reading;

/// <summary>Checks the files against each other and builds the snapshot: same UAJ and year
/// everywhere, every pupil's division and groups declared in Structures.xml, every link to a pupil
/// of the pupils' file, every MEF in the nomenclature, no two structure codes sharing a list address.</summary>
internal static class SnapshotAssembler
{
    /// <summary>Pupils named one by one in the warning about pupils without a class.</summary>
    private const int NamedInWarning = 10;

    public static ImportSnapshot? Assemble(SiecleFiles? siecle, StsData? sts, ImportErrors errors)
    {
        var headers = new List<ExportHeader>();
        if (siecle is not null)
        {
            headers.AddRange([siecle.Eleves.Header, siecle.Responsables.Header, siecle.Nomenclature.Header, siecle.Structures.Header]);
        }

        if (sts is not null)
        {
            headers.Add(sts.Header);
        }

        if (headers.Count == 0)
        {
            return null;
        }

        var first = headers[0];
        foreach (var header in headers.Skip(1))
        {
            if (header.Uai != first.Uai)
            {
                errors.Add(header.File, "PARAMETRES/UAJ", header.Line, $"UAJ {header.Uai} différent de celui de {first.File} ({first.Uai}) : les fichiers ne concernent pas le même établissement");
            }

            if (header.Year != first.Year)
            {
                errors.Add(header.File, "PARAMETRES/ANNEE_SCOLAIRE", header.Line, $"année scolaire {header.Year} différente de celle de {first.File} ({first.Year})");
            }
        }

        var snapshot = new ImportSnapshot
        {
            Uai = first.Uai,
            SchoolYear = first.Year,
            ExportDate = siecle?.Eleves.Header.ExportDate,
            Scope = (siecle is null ? ImportScope.None : ImportScope.Siecle) | (sts is null ? ImportScope.None : ImportScope.Sts),
        };
        if (siecle is not null)
        {
            snapshot = AddSiecle(snapshot, siecle, errors);
        }

        if (sts is not null)
        {
            snapshot = AddSts(snapshot, sts, errors);
        }

        return errors.Count > 0 ? null : SnapshotOrder.Sort(snapshot with { Warnings = errors.Warnings });
    }

    private static ImportSnapshot AddSiecle(ImportSnapshot snapshot, SiecleFiles siecle, ImportErrors errors)
    {
        var elevesFile = siecle.Eleves.Header.File;
        var nomenclature = siecle.Nomenclature;
        var mefs = nomenclature.Mefs.ToDictionary(m => m.Mef.Code, m => m.Mef, StringComparer.Ordinal);
        var divisions = siecle.Structures.Divisions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var groups = siecle.Structures.Groups.ToDictionary(g => g.Code, StringComparer.Ordinal);
        CheckStructures(siecle.Structures, mefs, errors);

        var exportDate = siecle.Eleves.Header.ExportDate;
        var present = siecle.Eleves.Pupils
            .Where(p => p.LeftOn is not { } left || (exportDate is { } date && left > date))
            .ToDictionary(p => p.EleveId, StringComparer.Ordinal);
        var known = siecle.Eleves.Pupils.Select(p => p.EleveId).ToHashSet(StringComparer.Ordinal);

        var structuresOf = siecle.Eleves.Structures.Where(s => present.ContainsKey(s.EleveId)).ToLookup(s => s.EleveId, StringComparer.Ordinal);
        var pupils = new List<ImportedPupil>(present.Count);
        foreach (var raw in present.Values.OrderBy(p => p.EleveId, StringComparer.Ordinal))
        {
            if (raw.MefCode is { } mef && !mefs.ContainsKey(mef))
            {
                errors.Add(elevesFile, $"BEE_ELEVES/DONNEES/ELEVES/ELEVE[@ELEVE_ID={raw.EleveId}]/CODE_MEF", raw.Line, $"MEF {mef} absent de Nomenclature.xml");
            }

            string? classCode = null;
            var groupCodes = new List<string>();
            foreach (var s in structuresOf[raw.EleveId])
            {
                var element = $"BEE_ELEVES/DONNEES/STRUCTURES/STRUCTURES_ELEVE[@ELEVE_ID={raw.EleveId}]/STRUCTURE";
                if (s.Type == StructureType.Class && !divisions.ContainsKey(s.Code))
                {
                    errors.Add(elevesFile, element, s.Line, $"division {s.Code} inconnue : absente des DIVISIONS de Structures.xml");
                }
                else if (s.Type == StructureType.Group && !groups.ContainsKey(s.Code))
                {
                    errors.Add(elevesFile, element, s.Line, $"groupe {s.Code} inconnu : absent des GROUPES de Structures.xml");
                }
                else if (s.Type == StructureType.Class)
                {
                    classCode = s.Code;
                }
                else
                {
                    groupCodes.Add(s.Code);
                }
            }

            groupCodes.Sort(StringComparer.Ordinal);
            pupils.Add(new ImportedPupil(raw.EleveId, raw.Ine, raw.Elenoet, raw.LastName, raw.FirstName, raw.MefCode, classCode, groupCodes));
        }

        WarnUnplaced(pupils, elevesFile, errors);
        var (links, responsables) = Links(siecle.Responsables, known, present, errors);

        var (levels, classLevels) = LevelRules.Derive(
            [.. mefs.Values], siecle.Structures.Divisions.Select(d => (d.Code, d.MefCodes)), pupils);
        var structures = siecle.Structures.Divisions
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new ImportedStructure(d.Code, d.Name, StructureType.Class, classLevels.GetValueOrDefault(d.Code), [], d.MefCodes))
            .Concat(siecle.Structures.Groups
                .OrderBy(g => g.Code, StringComparer.Ordinal)
                .Select(g => new ImportedStructure(g.Code, g.Name, StructureType.Group, LevelRules.GroupLevel(g.ClassCodes, classLevels), g.ClassCodes, [])))
            .ToArray();

        return snapshot with
        {
            Pupils = pupils,
            Responsables = responsables,
            ParentLinks = links,
            Mefs = [.. mefs.Values.OrderBy(m => m.Code, StringComparer.Ordinal)],
            Levels = levels,
            Structures = structures,
            Subjects = [.. nomenclature.Subjects.OrderBy(s => s.Code, StringComparer.Ordinal)],
        };
    }

    private static void CheckStructures(SiecleStructures structures, Dictionary<string, ImportedMef> mefs, ImportErrors errors)
    {
        var file = structures.Header.File;
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, line, path) in structures.Divisions.Select(d => (d.Code, d.Line, "BEE_STRUCTURES/DONNEES/DIVISIONS/DIVISION"))
            .Concat(structures.Groups.Select(g => (g.Code, g.Line, "BEE_STRUCTURES/DONNEES/GROUPES/GROUPE"))))
        {
            var slug = Folding.Slug(code);
            var element = $"{path}[@CODE_STRUCTURE={code}]";
            if (slug.Length == 0)
            {
                errors.Add(file, element, line, $"le code « {code} » ne donne aucune adresse de liste (ni lettre ni chiffre)");
            }
            else if (!slugs.TryAdd(slug, code))
            {
                errors.Add(file, element, line, $"les codes « {slugs[slug]} » et « {code} » donneraient la même adresse de liste ({slug})");
            }
        }

        foreach (var division in structures.Divisions)
        {
            foreach (var mef in division.MefCodes.Where(m => !mefs.ContainsKey(m)))
            {
                errors.Add(file, $"BEE_STRUCTURES/DONNEES/DIVISIONS/DIVISION[@CODE_STRUCTURE={division.Code}]/MEFS_APPARTENANCE", division.Line, $"MEF {mef} absent de Nomenclature.xml");
            }
        }
    }

    private static void WarnUnplaced(List<ImportedPupil> pupils, string file, ImportErrors errors)
    {
        var unplaced = pupils.Where(p => p.ClassCode is null).ToList();
        if (unplaced.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", unplaced.Take(NamedInWarning).Select(p => $"{p.FirstName} {p.LastName} ({p.EleveId})"));
        var more = unplaced.Count > NamedInWarning ? $" et {unplaced.Count - NamedInWarning} autres" : "";
        errors.Warn(file, "", $"{unplaced.Count} élève(s) sans division : {named}{more}. Leur compte est créé sans classe.");
    }

    private static (IReadOnlyList<ImportedParentLink> Links, IReadOnlyList<ImportedResponsable> Responsables) Links(
        SiecleResponsables file, HashSet<string> known, Dictionary<string, RawPupil> present, ImportErrors errors)
    {
        var links = new List<ImportedParentLink>();
        var legalCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in file.Links)
        {
            if (!known.Contains(raw.EleveId))
            {
                errors.Add(file.Header.File, $"BEE_RESPONSABLES/DONNEES/RESPONSABLES/RESPONSABLE_ELEVE[@PERSONNE_ID={raw.PersonneId}]/ELEVE_ID", raw.Line, $"ELEVE_ID {raw.EleveId} inconnu : absent du fichier des élèves");
                continue;
            }

            if (!present.ContainsKey(raw.EleveId))
            {
                continue;
            }

            var responsibility = raw.Niveau switch
            {
                1 => Responsibility.Legal,
                2 => Responsibility.EnCharge,
                3 => Responsibility.Contact,
                _ => raw.RespLegal is 1 or 2 ? Responsibility.Legal : Responsibility.Contact,
            };
            var level = 0;
            if (responsibility == Responsibility.Legal)
            {
                var rank = legalCount.GetValueOrDefault(raw.EleveId) + 1;
                legalCount[raw.EleveId] = rank;
                level = raw.RespLegal is 1 or 2 ? raw.RespLegal.Value : Math.Min(rank, 2);
            }

            links.Add(new ImportedParentLink(raw.PersonneId, raw.EleveId, responsibility, level, raw.CodeParente));
        }

        var linked = links.Select(l => l.PersonneId).ToHashSet(StringComparer.Ordinal);
        var responsables = file.Persons
            .Where(p => linked.Contains(p.PersonneId))
            .OrderBy(p => p.PersonneId, StringComparer.Ordinal)
            .Select(p => new ImportedResponsable(p.PersonneId, p.LastName, p.FirstName))
            .ToArray();
        return ([.. links.OrderBy(l => l.EleveId, StringComparer.Ordinal).ThenBy(l => l.PersonneId, StringComparer.Ordinal)], responsables);
    }

    private static ImportSnapshot AddSts(ImportSnapshot snapshot, StsData sts, ImportErrors errors)
    {
        var file = sts.Header.File;
        var staff = sts.Individus
            .Select(i =>
            {
                var (kind, role) = StsFunctions.Map(i.Fonction, i.Grade);
                return new ImportedStaff(i.Id, i.Type, i.LastName, i.FirstName, i.Fonction, i.Grade, kind, role);
            })
            .OrderBy(s => s.ExternalId, StringComparer.Ordinal)
            .ToArray();

        // With SIECLE in the same import, SIECLE's structures are the school's: a service on a
        // structure it does not have is reported and left out rather than refusing the import.
        var siecleTypes = (snapshot.Scope & ImportScope.Siecle) != 0
            ? snapshot.Structures.ToDictionary(s => s.Code, s => s.Type, StringComparer.Ordinal)
            : null;
        var services = new List<ImportedService>();
        foreach (var service in sts.Services)
        {
            if (siecleTypes is not null && (!siecleTypes.TryGetValue(service.StructureCode, out var type) || type != service.StructureType))
            {
                errors.Warn(file, $"STS_EDT/DONNEES/STRUCTURE/…[@CODE={service.StructureCode}] (ligne {service.Line})",
                    $"{(service.StructureType == StructureType.Class ? "division" : "groupe")} {service.StructureCode} absent(e) de Structures.xml : service de {service.TeacherKey} en {service.SubjectCode} ignoré");
                continue;
            }

            services.Add(new ImportedService(service.TeacherKey, service.SubjectCode, service.StructureCode, service.StructureType));
        }

        var profs = new List<ImportedProfPrincipal>();
        foreach (var individu in sts.Individus)
        {
            foreach (var pp in individu.ProfsPrincipaux)
            {
                if (siecleTypes is not null && (!siecleTypes.TryGetValue(pp.ClassCode, out var type) || type != StructureType.Class))
                {
                    errors.Warn(file, $"STS_EDT/DONNEES/INDIVIDUS/INDIVIDU[@ID={individu.Id}]/PROFS_PRINC (ligne {pp.Line})",
                        $"division {pp.ClassCode} absente de Structures.xml : professeur principal ignoré");
                    continue;
                }

                profs.Add(new ImportedProfPrincipal(individu.Key, pp.ClassCode));
            }
        }

        var subjects = snapshot.Subjects.ToDictionary(s => s.Code, StringComparer.Ordinal);
        foreach (var subject in sts.Subjects)
        {
            subjects.TryAdd(subject.Code, subject);
        }

        return snapshot with
        {
            Staff = staff,
            Services = [.. services.Distinct()
                .OrderBy(s => s.StaffExternalId, StringComparer.Ordinal)
                .ThenBy(s => s.StructureCode, StringComparer.Ordinal)
                .ThenBy(s => s.SubjectCode, StringComparer.Ordinal)],
            ProfsPrincipaux = [.. profs.Distinct()
                .OrderBy(p => p.StaffExternalId, StringComparer.Ordinal)
                .ThenBy(p => p.ClassCode, StringComparer.Ordinal)],
            Subjects = [.. subjects.Values.OrderBy(s => s.Code, StringComparer.Ordinal)],
        };
    }
}

/// <summary>The four SIECLE files of one import, read.</summary>
internal sealed record SiecleFiles(
    SiecleEleves Eleves, SiecleResponsables Responsables, SiecleNomenclature Nomenclature, SiecleStructures Structures);
