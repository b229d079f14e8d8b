using System.Globalization;
using System.Text;

namespace Preau.Imap.Content;

/// <summary>
/// THREAD (RFC 5256 §4 and §5): builds the thread trees of the searched messages and writes the answer,
/// <c>(1 2)(3 (4)(5))</c>.
/// </summary>
/// <remarks>
/// <code>
/// thread-data    = "THREAD" [SP 1*thread-list]
/// thread-list    = "(" (thread-members / thread-nested) ")"
/// thread-members = nz-number *(SP nz-number) [SP thread-nested]
/// thread-nested  = 2*thread-list
/// </code>
/// </remarks>
public static class Threader
{
    /// <summary>The threads of <paramref name="messages"/>.</summary>
    /// <param name="messages">The messages that matched the search, in sequence order (the RFC's tie-breaker).</param>
    /// <param name="algorithm">The algorithm.</param>
    public static IReadOnlyList<ThreadNode> Thread(IReadOnlyList<ThreadMessage> messages, ThreadAlgorithm algorithm) =>
        algorithm switch
        {
            ThreadAlgorithm.OrderedSubject => OrderedSubject(messages),
            ThreadAlgorithm.References => References(messages),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };

    /// <summary>
    /// ORDEREDSUBJECT: messages sorted by base subject then sent date, one thread per base subject whose
    /// first message is the parent of all the others, threads sorted by the sent date of their first message.
    /// </summary>
    /// <param name="messages">The messages, in sequence order.</param>
    public static IReadOnlyList<ThreadNode> OrderedSubject(IReadOnlyList<ThreadMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sorted = messages
            .Select((message, order) => (message, order, subject: Collation.Key(message.BaseSubject)))
            .OrderBy(item => item.subject, Comparer<byte[]>.Create(Collation.Compare))
            .ThenBy(item => item.message.SentDate)
            .ThenBy(item => item.order)
            .ToList();

        var threads = new List<(ThreadNode node, DateTimeOffset date, int order)>();
        for (var start = 0; start < sorted.Count;)
        {
            var end = start + 1;
            while (end < sorted.Count && Collation.Compare(sorted[end].subject, sorted[start].subject) == 0)
            {
                end++;
            }

            var children = sorted.Skip(start + 1).Take(end - start - 1)
                .Select(item => new ThreadNode(item.message.Number, []))
                .ToList();
            var first = sorted[start];
            threads.Add((new ThreadNode(first.message.Number, children), first.message.SentDate, first.order));
            start = end;
        }

        return threads.OrderBy(t => t.date).ThenBy(t => t.order).Select(t => t.node).ToList();
    }

    /// <summary>REFERENCES (RFC 5256 §5): see <see cref="ReferencesThreader"/>.</summary>
    /// <param name="messages">The messages, in sequence order.</param>
    public static IReadOnlyList<ThreadNode> References(IReadOnlyList<ThreadMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return ReferencesThreader.Build(messages);
    }

    /// <summary>The threads as the THREAD response writes them (after <c>* THREAD </c>).</summary>
    /// <param name="threads">The threads.</param>
    public static string Render(IReadOnlyList<ThreadNode> threads)
    {
        ArgumentNullException.ThrowIfNull(threads);
        var builder = new StringBuilder();
        foreach (var thread in threads)
        {
            builder.Append('(');
            AppendChain(builder, thread);
            builder.Append(')');
        }

        return builder.ToString();
    }

    /// <summary>
    /// A message then its replies: a single reply continues the chain after a space ("3 6"), several
    /// replies each get their own parenthesized list ("3 (4)(5)"). A dummy writes only its children.
    /// Iterative, with its own stack: a reply chain can be thousands of messages deep.
    /// </summary>
    private static void AppendChain(StringBuilder builder, ThreadNode thread)
    {
        // Each entry is a node to write, or (node null) literal text to write.
        var stack = new Stack<(ThreadNode? Node, string? Text)>();
        stack.Push((thread, null));
        while (stack.Count > 0)
        {
            var (node, text) = stack.Pop();
            if (node is null)
            {
                builder.Append(text);
                continue;
            }

            if (node.Number is { } number)
            {
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                if (node.Children.Count > 0)
                {
                    builder.Append(' ');
                }
            }

            if (node.Children.Count == 1)
            {
                stack.Push((node.Children[0], null));
                continue;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((null, ")"));
                stack.Push((node.Children[i], null));
                stack.Push((null, "("));
            }
        }
    }
}
