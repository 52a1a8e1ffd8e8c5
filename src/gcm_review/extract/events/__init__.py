"""Stage "extract": the meetings a document reports, with their sessions, places and dates.

The words of ``data/events/<lang>.yaml`` mark each passage's tokens; the countries,
organisations, dates, people and places the pipeline already found (``PassageFacts``) do
the rest. Rules:

* An event mention is a run of head, review, qualifier, ordinal and edition words ("deuxième
  conférence régionale d'examen", "مؤتمر الاستعراض الإقليمي الثاني"), not inside an
  organisation's name nor right after a ``generic_after`` word ("principes de dialogue"). A
  review word without a head needs an ordinal or a qualifier and takes ``review_kind``. The
  name runs on over a complement that an opener or a connector opens (in Arabic also an
  attached preposition, or an article after an indefinite word) until a stop, venue,
  chairing, speaking, organising or session phrase, a person, place or date, or punctuation;
  a comma ends it unless a list goes on ("sûres, ordonnées et régulières").
* A place or date goes to the mention it follows within 12 words, with at most 2 words
  between that are not stop, link or venue words (any number within 30 words right after a
  venue phrase: "qui s'est tenue au Caire"), or that it precedes within 10 such words; no
  head, review or session word and no sentence end may lie between, but a dateline ("...
  région arabe. Le Caire, 3 juillet 2024.") crosses the full stop. Organisers: the
  organisations listed next to an organising phrase, for the nearest mention within 20 words.
* Mentions with an ordinal, a review word, a complement, a place or a date are clustered and
  merge when kind, ordinal, month and city agree; bare ones ("cette conférence") join the
  main event of their kind (with an ordinal, then with most passages) or name nothing. An
  event is kept if it has an ordinal, a review word or a capitalised name, a place, a date,
  organisers or sessions ("the dialogue between States" alone is a common noun).
* A session is a session phrase with its determiner and the topic a connector opens ("la
  séance plénière sur ..."), or a numbered heading with the title its colon opens
  ("Session 2: Data and evidence (Objective 1)"); a generic one needs a topic or a number,
  one without topic is the latest session of its kind, and "the session", "cette séance",
  "الجلسة" is the session named last. Chair: the country (else the person's) on the agent
  side of a chairing phrase, and the person named before that state or after "represented
  by"; speakers: the person nearest a speaking word. A state's national review is a report,
  not a meeting. It belongs to the event
  named right around it, else to the main event. Its day: the day written nearest to it in
  its sentence if that day falls within the event's dates, else the event's day when the
  event lasted one day.

A passage that opens with a venue phrase and names no meeting ("Held at the Palais des
Nations, Geneva, on 11 February 2025") gives its place and date to the last mention of the
passage before; a "next" word beside a bare mention ("the next meeting") makes it another
event.

A meeting the organisation gazetteer knows (kind ``meeting``: "the second International
Migration Review Forum") is an event mention too, with the ordinal before its name.

Not handled: venues below the city, events named only by an acronym ("IMRF"), session
times, agenda topics, countries as organisers, sessions of a document that names no event.
"""

from __future__ import annotations

from ...models import Event
from .cluster import event_key, find_events
from .mentions import PassageFacts
from .words import EventWords, load_event_words

__all__ = ["Event", "EventWords", "PassageFacts", "event_key", "find_events", "load_event_words"]
