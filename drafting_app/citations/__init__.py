"""Citations: footnote sources, UN citation formats, Ibid., short titles and internal
references ("paragraph 12 above") kept right as the text is edited."""
