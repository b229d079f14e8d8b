using Preau.Plugins.Graph;
using Folding = Preau.Plugins.Directory.Model.Folding;

namespace Preau.Plugins.Directory.Plugin.Search;

/// <summary>A directory search: every criterion given must match.</summary>
public sealed record DirectoryQuery
{
    /// <summary>Words each found at the start of a word of the name or login (case and accents ignored).</summary>
    public string? Text { get; init; }

    /// <summary>Only this profile.</summary>
    public AccountProfile? Profile { get; init; }

    /// <summary>Only this function.</summary>
    public AccountFunction? Function { get; init; }

    /// <summary>Only this state.</summary>
    public AccountStatus? State { get; init; }

    /// <summary>Only pupils of, and teachers teaching in, this class or group.</summary>
    public string? Structure { get; init; }

    /// <summary>Only pupils of, and teachers teaching in, a class or group of this level.</summary>
    public string? Level { get; init; }

    /// <summary>Only teachers of this subject (code, name, or words of names: see <see cref="DirectoryIndex.FindSubjects"/>).</summary>
    public string? Subject { get; init; }

    /// <summary>Results skipped.</summary>
    public int Offset { get; init; }

    /// <summary>Results returned at most.</summary>
    public int Limit { get; init; } = 50;
}

/// <summary>One page of results and how many matched in all.</summary>
/// <param name="Total">Matches the caller may see.</param>
/// <param name="Items">The page, sorted by last name, first name.</param>
public sealed record DirectoryResults(int Total, IReadOnlyList<AccountRecord> Items);

/// <summary>Runs a <see cref="DirectoryQuery"/> on a <see cref="DirectoryIndex"/> for one caller.</summary>
public static class DirectorySearch
{
    /// <summary>The people matching <paramref name="query"/> that <paramref name="visibility"/> lets the caller see.</summary>
    public static DirectoryResults Run(DirectoryIndex index, DirectoryQuery query, DirectoryVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(visibility);
        var words = string.IsNullOrWhiteSpace(query.Text)
            ? []
            : Folding.Slug(query.Text, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => " " + w).ToArray();
        var candidates = Candidates(index, query);
        var items = new List<AccountRecord>();
        var total = 0;
        foreach (var i in candidates ?? Enumerable.Range(0, index.People.Count))
        {
            var person = index.People[i];
            if ((query.Profile is { } profile && person.Profile != profile)
                || (query.Function is { } function && person.Function != function)
                || (query.State is { } state && person.Status != state)
                || !Matches(index.Keys[i], words)
                || !visibility.CanSee(i))
            {
                continue;
            }

            if (total >= query.Offset && items.Count < query.Limit)
            {
                items.Add(person);
            }

            total++;
        }

        return new DirectoryResults(total, items);
    }

    /// <summary>Positions allowed by the structure, level and subject criteria (sorted), or null for all.</summary>
    private static int[]? Candidates(DirectoryIndex index, DirectoryQuery query)
    {
        HashSet<int>? set = null;
        if (query.Structure is { } code)
        {
            Restrict(ref set, [.. index.PupilsOf(code), .. index.TeachersOfStructure(code)]);
        }

        if (query.Level is { } level)
        {
            var structures = index.StructuresOfLevel(level);
            Restrict(ref set, [.. structures.SelectMany(s => index.PupilsOf(s).Concat(index.TeachersOfStructure(s)))]);
        }

        if (query.Subject is { } subject)
        {
            Restrict(ref set, index.FindSubjects(subject).SelectMany(found => index.TeachersOfSubject(found.Code)));
        }

        return set is null ? null : [.. set.Order()];
    }

    private static void Restrict(ref HashSet<int>? set, IEnumerable<int> allowed)
    {
        if (set is null)
        {
            set = [.. allowed];
        }
        else
        {
            set.IntersectWith(allowed);
        }
    }

    private static bool Matches(string key, string[] words)
    {
        foreach (var word in words)
        {
            if (!key.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
