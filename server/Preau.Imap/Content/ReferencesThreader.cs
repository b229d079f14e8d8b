using System.Globalization;
using System.Text;

namespace Preau.Imap.Content;

/// <summary>
/// The REFERENCES algorithm of RFC 5256 §5, step by step: link messages by Message-ID through their
/// References (dummy containers for the IDs no searched message has), gather the roots, prune the
/// dummies, sort, merge the threads that share a base subject, sort every level by sent date.
/// </summary>
internal static class ReferencesThreader
{
    public static IReadOnlyList<ThreadNode> Build(IReadOnlyList<ThreadMessage> messages)
    {
        var table = new Dictionary<string, Container>(StringComparer.Ordinal);
        var all = new List<Container>();

        // (1) Message-ID comparisons are case-sensitive; the IDs given to messages without a usable one
        // start with a NUL, which no msg-id contains, so they never meet a real reference.
        for (var order = 0; order < messages.Count; order++)
        {
            var message = messages[order];
            var id = message.MessageId;
            if (id is null || (table.TryGetValue(id, out var existing) && existing.Message is not null))
            {
                id = "\0" + order.ToString(CultureInfo.InvariantCulture);
            }

            var container = Lookup(table, all, id);
            container.Message = message;
            container.Order = order;

            // (1)(A) Each reference is the parent of the next, unless that one already has a parent or the
            // link would make a loop. A message listing its own ID would cut itself from its real parent.
            Container? previous = null;
            foreach (var reference in message.References)
            {
                if (reference == message.MessageId)
                {
                    continue;
                }

                var current = Lookup(table, all, reference);
                if (previous is not null && current.Parent is null && !previous.IsDescendantOf(current))
                {
                    current.SetParent(previous);
                }

                previous = current;
            }

            // (1)(B) The last reference is the parent: a parent from a truncated References line gives way.
            container.SetParent(null);
            if (previous is not null && !previous.IsDescendantOf(container))
            {
                container.SetParent(previous);
            }
        }

        // (2) The roots, (3) without their dummies, (4) sorted. Sorting the deeper levels here too changes
        // nothing: (5) only looks at the roots and a dummy's first child, and (6) sorts them all again.
        var roots = Prune(all.Where(c => c.Parent is null).ToList());
        SortAll(roots);

        // (5) Threads with the same base subject merged, (6) every level sorted, deepest first.
        roots = MergeBySubject(roots);
        SortAll(roots);
        return ToNodes(roots);
    }

    /// <summary>
    /// Every container under <paramref name="roots"/>, descendants before ancestors. The walks are
    /// iterative: a References chain thousands of messages long must not overflow the stack.
    /// </summary>
    private static List<Container> DescendantsFirst(List<Container> roots)
    {
        var order = new List<Container>();
        var stack = new Stack<Container>(roots);
        while (stack.Count > 0)
        {
            var container = stack.Pop();
            order.Add(container);
            foreach (var child in container.Children)
            {
                stack.Push(child);
            }
        }

        order.Reverse();
        return order;
    }

    private static Container Lookup(Dictionary<string, Container> table, List<Container> all, string id)
    {
        if (!table.TryGetValue(id, out var container))
        {
            container = new Container { Order = int.MaxValue };
            table[id] = container;
            all.Add(container);
        }

        return container;
    }

    /// <summary>
    /// (3) A childless dummy goes; a dummy with children gives them to its own level, except at the root,
    /// where only a single child is promoted (several children keep their dummy, which groups them).
    /// Descendants first, so a promoted child list is already free of dummies.
    /// </summary>
    private static List<Container> Prune(List<Container> roots)
    {
        foreach (var container in DescendantsFirst(roots))
        {
            container.Children = Promote(container.Children, atRoot: false, parent: container);
        }

        return Promote(roots, atRoot: true, parent: null);
    }

    private static List<Container> Promote(List<Container> siblings, bool atRoot, Container? parent)
    {
        var result = new List<Container>();
        foreach (var container in siblings)
        {
            if (container.Message is not null || (atRoot && container.Children.Count > 1))
            {
                result.Add(container);
                continue;
            }

            foreach (var child in container.Children)
            {
                child.Parent = parent;
                result.Add(child);
            }
        }

        return result;
    }

    /// <summary>(5) The subject table, then the merges, in the order RFC 5256 §5 (5)(B) and (C) give.</summary>
    private static List<Container> MergeBySubject(List<Container> roots)
    {
        var subjects = new Dictionary<string, Container>(StringComparer.Ordinal);
        foreach (var container in roots)
        {
            var subject = SubjectKey(container);
            if (subject.Length == 0)
            {
                continue;
            }

            if (!subjects.TryGetValue(subject, out var held))
            {
                subjects[subject] = container;
            }
            else if (held.Message is not null && (container.Message is null
                || (held.Message.IsReplyOrForward && !container.Message.IsReplyOrForward)))
            {
                subjects[subject] = container;
            }
        }

        // Merged roots leave, and a root that gets a new dummy parent is replaced by it, at the end: a
        // list removal per merge would be quadratic in a folder of same-subject notices.
        var merged = new HashSet<Container>();
        var replacedBy = new Dictionary<Container, Container>();
        foreach (var container in roots)
        {
            var subject = SubjectKey(container);
            if (subject.Length == 0 || !subjects.TryGetValue(subject, out var held) || held == container)
            {
                continue;
            }

            merged.Add(container);
            if (held.Message is null && container.Message is null)
            {
                foreach (var child in container.Children.ToList())
                {
                    child.SetParent(held);
                }
            }
            else if (held.Message is null || (container.Message is { IsReplyOrForward: true } && !held.Message.IsReplyOrForward))
            {
                container.SetParent(held);
            }
            else
            {
                var dummy = new Container { Order = int.MaxValue };
                replacedBy[held] = dummy;
                held.SetParent(dummy);
                container.SetParent(dummy);
                subjects[subject] = dummy;
            }
        }

        return roots.Where(c => !merged.Contains(c)).Select(c => replacedBy.GetValueOrDefault(c, c)).ToList();
    }

    /// <summary>The thread subject: the message's base subject, or its first child's for a dummy; ASCII case-folded.</summary>
    private static string SubjectKey(Container container)
    {
        var message = container.Message ?? container.Children.FirstOrDefault()?.Message;
        return message is null ? "" : Encoding.UTF8.GetString(Collation.Key(message.BaseSubject));
    }

    /// <summary>Every level in sent-date order, ties in sequence order; a dummy sorts as its first child.</summary>
    private static void SortAll(List<Container> roots)
    {
        // Descendants first: a dummy's children are in order before the dummy is placed by its first child.
        foreach (var container in DescendantsFirst(roots))
        {
            SortSiblings(container.Children);
        }

        SortSiblings(roots);
    }

    private static void SortSiblings(List<Container> siblings)
    {
        var sorted = siblings.OrderBy(c => c.SortDate).ThenBy(c => c.SortOrder).ToList();
        siblings.Clear();
        siblings.AddRange(sorted);
    }

    private static List<ThreadNode> ToNodes(List<Container> roots)
    {
        var nodes = new Dictionary<Container, ThreadNode>();
        foreach (var container in DescendantsFirst(roots))
        {
            nodes[container] = new ThreadNode(container.Message?.Number, container.Children.Select(c => nodes[c]).ToList());
        }

        return roots.Select(c => nodes[c]).ToList();
    }

    /// <summary>A message, or a dummy standing for a referenced message that is not there.</summary>
    private sealed class Container
    {
        public ThreadMessage? Message { get; set; }

        /// <summary>Sequence order of the message; dummies have none.</summary>
        public int Order { get; set; }

        public Container? Parent { get; set; }

        public List<Container> Children { get; set; } = [];

        public DateTimeOffset SortDate =>
            Message?.SentDate ?? Children.FirstOrDefault()?.SortDate ?? DateTimeOffset.MaxValue;

        public int SortOrder => Message is not null ? Order : Children.FirstOrDefault()?.SortOrder ?? int.MaxValue;

        /// <summary>Whether this container is <paramref name="other"/> or below it.</summary>
        public bool IsDescendantOf(Container other)
        {
            for (var node = this; node is not null; node = node.Parent)
            {
                if (node == other)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Moves this container under <paramref name="parent"/> (or to no parent), both links kept in step.</summary>
        public void SetParent(Container? parent)
        {
            Parent?.Children.Remove(this);
            Parent = parent;
            parent?.Children.Add(this);
        }
    }
}
