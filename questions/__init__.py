"""The question reader: a question in Spanish read into its kind and slots (ask), the who-may and search
requests read into query parameters (parsing), the acts the law treats as one (equivalences), and the
answers said as cited Spanish sentences (sentences, citations). Pure; imports only the ground floor, orggraph."""
