using System.Globalization;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Sts;

namespace Preau.Plugins.Directory.Fixtures;

/// <summary>Generates a fictitious school as an <see cref="ImportSnapshot"/>: classes, groups,
/// pupils with their groups, families with one or two legal responsables (a few siblings, a few
/// persons « en charge » and contacts), staff with functions, teaching services and professeurs
/// principaux. <see cref="FixtureFiles"/> writes it as SIECLE and STSweb exports.</summary>
/// <remarks>
/// Deterministic: one <see cref="Random"/> seeded with <see cref="SyntheticSchoolOptions.Seed"/>
/// drives every choice in a fixed order. Nothing is real: names are common ones drawn at random,
/// ids are visibly synthetic (INE <c>9xxxxxxxxSY</c>, about one pupil in a hundred without INE).
/// Two pupils are always « Marie DUPONT » and the first teacher « Jean-Noël D'AUBIGNÉ », for the
/// login rules; some staff are STS « local » individuals whose ids overlap national ones.
/// </remarks>
public static partial class SyntheticSchool
{
    private const double SiblingRate = 0.07;
    private const double TwoParentRate = 0.85;
    private const double OwnNameRate = 0.3;
    private const double EnChargeRate = 0.03;
    private const double ContactRate = 0.02;
    private const double GermanRate = 0.2;
    private const double LatinRate = 0.2;
    private const double WorkshopRate = 0.15;

    /// <summary>Generates the school.</summary>
    public static ImportSnapshot Generate(SyntheticSchoolOptions? options = null)
    {
        var o = options ?? new SyntheticSchoolOptions();
        if (o.Pupils < 2 || o.PupilsPerClass < 1 || o.Staff < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "at least 2 pupils, 1 pupil per class and 1 member of staff");
        }

        var school = new Builder(o, new Random(o.Seed));
        school.PlanStructures();
        school.AddPupilsAndFamilies();
        school.AddStaffAndServices();
        return school.Build();
    }

    private static string Id(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed partial class Builder(SyntheticSchoolOptions options, Random random)
    {
        private readonly List<LevelPlan> _levels = [.. SchoolCatalog.Levels(options.Type)];
        private readonly List<(string Code, string Name, IReadOnlyList<string> Mefs, int Level, int Index)> _classes = [];
        private readonly List<(string Code, string Name, IReadOnlyList<string> Classes, string Subject)> _groups = [];
        private readonly List<(int Level, int ClassIndex, string ClassCode)> _seats = [];
        private readonly List<ImportedPupil> _pupils = [];
        private readonly List<ImportedResponsable> _responsables = [];
        private readonly List<ImportedParentLink> _links = [];
        private readonly List<ImportedStaff> _staff = [];
        private readonly List<ImportedService> _services = [];
        private readonly List<ImportedProfPrincipal> _principals = [];
        private readonly List<ImportedMef> _mefs = [];
        private int _nextPerson = 500001;

        public void PlanStructures()
        {
            for (var li = 0; li < _levels.Count; li++)
            {
                var level = _levels[li];
                _mefs.Add(new ImportedMef(level.MefCode, level.Formation, level.MefLabel, null));
                if (level.Variant is { } variant)
                {
                    _mefs.Add(new ImportedMef(variant.Code, variant.Formation, variant.Label, level.MefCode));
                }

                var levelPupils = (options.Pupils / _levels.Count) + (li < options.Pupils % _levels.Count ? 1 : 0);
                var classCount = Math.Max(1, (levelPupils + options.PupilsPerClass - 1) / options.PupilsPerClass);
                var codes = new List<string>();
                for (var c = 0; c < classCount; c++)
                {
                    IReadOnlyList<string> mefs = level.Variant is { } v && c < 2 ? [level.MefCode, v.Code] : [level.MefCode];
                    _classes.Add((level.ClassCode(c), level.ClassName(c), mefs, li, c));
                    codes.Add(level.ClassCode(c));
                }

                for (var k = 0; k < levelPupils; k++)
                {
                    _seats.Add((li, k % classCount, codes[k % classCount]));
                }

                AddGroups(level, codes);
            }
        }

        private void AddGroups(LevelPlan level, List<string> classes)
        {
            var name = LevelName(level);
            if (level.Languages)
            {
                for (var n = 0; n * 2 < classes.Count; n++)
                {
                    _groups.Add(($"{level.Digit}ESP{n + 1}", $"Espagnol LV2 {name} groupe {n + 1}", classes.Skip(n * 2).Take(2).ToArray(), SchoolCatalog.Espagnol));
                }

                _groups.Add(($"{level.Digit}ALL2", $"Allemand LV2 {name}", classes, SchoolCatalog.Allemand));
            }

            if (level.LatinAndWorkshop)
            {
                _groups.Add(($"{level.Digit}LAT", $"Latin {name}", classes, SchoolCatalog.Latin));
                if (level.Digit == "3")
                {
                    _groups.Add(("3ATELIER", "Atelier « budget en € » à l'œil", classes, SchoolCatalog.Atelier));
                }
            }

            foreach (var subject in SchoolCatalog.SpecialiteSubjects.Take(level.SpecialitesOffered))
            {
                var s = SchoolCatalog.Subjects.Single(x => x.Code == subject);
                _groups.Add(($"{level.Digit}SPE-{s.GestionCode}", $"Spécialité {s.LongLabel!.ToLowerInvariant()} {name}", classes, subject));
            }
        }

        public void AddPupilsAndFamilies()
        {
            var families = new List<(string LastName, List<int> Children)>();
            var order = Shuffled(Enumerable.Range(0, _seats.Count));
            for (var i = 0; i < order.Count; i++)
            {
                var family = (LastName: Pick(FixtureNames.Last), Children: new List<int> { order[i] });
                families.Add(family);
                if (i + 1 < order.Count && random.NextDouble() < SiblingRate && _seats[order[i + 1]].ClassCode != _seats[order[i]].ClassCode)
                {
                    family.Children.Add(order[++i]);
                }
            }

            var firstNames = _seats.Select(_ => Pick(FixtureNames.Children)).ToArray();
            var familyOf = new int[_seats.Count];
            for (var f = 0; f < families.Count; f++)
            {
                families[f].Children.ForEach(c => familyOf[c] = f);
            }

            // Two « Marie DUPONT » in different families: the login rules must number them.
            var dupont = new[] { 0, 1, 2 }.Where(p => p < _seats.Count).DistinctBy(p => familyOf[p]).Take(2);
            foreach (var p in dupont)
            {
                firstNames[p] = "Marie";
                families[familyOf[p]] = families[familyOf[p]] with { LastName = "DUPONT" };
            }

            for (var p = 0; p < _seats.Count; p++)
            {
                _pupils.Add(MakePupil(p, firstNames[p], families[familyOf[p]].LastName));
            }

            foreach (var family in families)
            {
                AddParents(family.LastName, family.Children);
            }
        }

        private ImportedPupil MakePupil(int p, string firstName, string lastName)
        {
            var (li, classIndex, classCode) = _seats[p];
            var level = _levels[li];
            var mef = level.Variant is { } variant && classIndex < 2 && random.NextDouble() < 0.5 ? variant.Code : level.MefCode;
            var groups = new List<string>();
            if (level.Languages)
            {
                groups.Add(random.NextDouble() < GermanRate ? $"{level.Digit}ALL2" : $"{level.Digit}ESP{(classIndex / 2) + 1}");
            }

            if (level.LatinAndWorkshop && random.NextDouble() < LatinRate)
            {
                groups.Add($"{level.Digit}LAT");
            }

            if (level.LatinAndWorkshop && level.Digit == "3" && random.NextDouble() < WorkshopRate)
            {
                groups.Add("3ATELIER");
            }

            foreach (var subject in Shuffled(SchoolCatalog.SpecialiteSubjects.Take(level.SpecialitesOffered)).Take(level.SpecialitesTaken))
            {
                groups.Add($"{level.Digit}SPE-{SchoolCatalog.Subjects.Single(s => s.Code == subject).GestionCode}");
            }

            groups.Sort(StringComparer.Ordinal);
            var ine = p % 97 == 50 ? null : Id(900_000_001 + p) + "SY";
            return new ImportedPupil(Id(100_001 + p), ine, Id(200_001 + p), lastName, firstName, mef, classCode, groups);
        }

        private void AddParents(string familyName, List<int> children)
        {
            var twoParents = random.NextDouble() < TwoParentRate;
            var motherName = random.NextDouble() < OwnNameRate ? Pick(FixtureNames.Last) : familyName;
            if (twoParents || random.Next(2) == 0)
            {
                Link(Person(Pick(FixtureNames.Women), motherName), children, Responsibility.Legal, 1, "10");
                if (twoParents)
                {
                    Link(Person(Pick(FixtureNames.Men), familyName), children, Responsibility.Legal, 2, "20");
                }
            }
            else
            {
                Link(Person(Pick(FixtureNames.Men), familyName), children, Responsibility.Legal, 1, "20");
            }

            if (random.NextDouble() < EnChargeRate)
            {
                Link(Person(Pick(FixtureNames.Women), Pick(FixtureNames.Last)), children, Responsibility.EnCharge, 0, "38");
            }

            if (random.NextDouble() < ContactRate)
            {
                Link(Person(Pick(FixtureNames.Men), Pick(FixtureNames.Last)), children, Responsibility.Contact, 0, "90");
            }
        }

        private ImportedResponsable Person(string firstName, string lastName)
        {
            var person = new ImportedResponsable(Id(_nextPerson++), lastName, firstName);
            _responsables.Add(person);
            return person;
        }

        private void Link(ImportedResponsable person, List<int> children, Responsibility responsibility, int level, string parente)
        {
            foreach (var child in children)
            {
                _links.Add(new ImportedParentLink(person.PersonneId, _pupils[child].EleveId, responsibility, level, parente));
            }
        }

        public ImportSnapshot Build()
        {
            var (levels, classLevels) = LevelRules.Derive(_mefs, _classes.Select(c => (c.Code, c.Mefs)), _pupils);
            var structures = _classes
                .Select(c => new ImportedStructure(c.Code, c.Name, StructureType.Class, classLevels.GetValueOrDefault(c.Code), [], [.. c.Mefs.Order(StringComparer.Ordinal)]))
                .Concat(_groups.Select(g => new ImportedStructure(g.Code, g.Name, StructureType.Group, LevelRules.GroupLevel(g.Classes, classLevels), [.. g.Classes.Order(StringComparer.Ordinal)], [])));
            var used = _services.Select(s => s.SubjectCode).ToHashSet(StringComparer.Ordinal);
            return SnapshotOrder.Sort(new ImportSnapshot
            {
                Uai = options.Uai,
                SchoolYear = options.SchoolYear,
                ExportDate = options.ExportDate,
                Scope = ImportScope.Siecle | ImportScope.Sts,
                Pupils = _pupils,
                Responsables = _responsables,
                ParentLinks = _links,
                Staff = _staff,
                Mefs = _mefs,
                Levels = levels,
                Structures = [.. structures],
                Subjects = [.. SchoolCatalog.Subjects.Where(s => used.Contains(s.Code))],
                Services = _services,
                ProfsPrincipaux = _principals,
            });
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private List<T> Shuffled<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            return list;
        }

        private static string LevelName(LevelPlan level) => level.Digit switch
        {
            "2" => "2nde",
            "1" => "1re",
            "T" => "Terminale",
            _ => level.Digit + "e",
        };
    }
}
