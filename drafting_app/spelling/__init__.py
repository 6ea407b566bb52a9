"""Spell checking in UN English: British spelling with Oxford -ize (organization, recognize,
programme, judgement — the UN Editorial Manual), a Hunspell dictionary shipped in
resources/spelling read by spylls (pure Python, offline), the UN's own vocabulary never
flagged (Member States, bodies, programmes and names found in the corpus, document symbols),
and the drafter's own dictionary. Qt-free: the document view draws what this finds.
"""
