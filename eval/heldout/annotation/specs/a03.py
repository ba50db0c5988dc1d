ARTS=[]
DAY=('Doris Day',['Doris Day','Day','Doris Mary Ann Kappelhoff'])
ARTS.append(dict(file='wn_06.txt', y='2019', i=57, S={
 'day':DAY,
 'found':('Doris Day Animal Foundation',['Doris Day Animal Foundation',"Day's animal foundation"]),
 'quant':('Mary Quant',['Mary Quant','Quant']),
 'amund':('Sara Amundson',['Sara Amundson','Amundson']),
}, q=[
 (0,'s','found',"Day's animal foundation said",'Day\'s animal foundation',{'note':'an organisation speaking; named later as the Doris Day Animal Foundation'}),
 (1,'s','quant','Mary Quant described Day','Mary Quant'),
 (2,'n',None,{'note':'her stage name'}),
 (3,'n',None,{'note':'song title'}),
 (4,'s','day','Day said in her 1976','Day',{'note':'quote from her autobiography, split around the attribution'}),
 (5,'s','day','Day said in her 1976','Day'),
 (6,'s','amund','Sara Amundson said','Sara Amundson',{'note':'partial quote, bracketed punctuation inside'}),
 (7,'s','amund','Sara Amundson said','Sara Amundson'),
 (8,'s','day','Day said of Hudson','Day'),
 (9,'s',None,'Many people would ask me','Many people',{'note':'nested: the question many unnamed people asked her (habitual words)'}),
 (10,'s','day',"and I said, 'It",'I',{'note':'nested: her own earlier reply'}),
 (11,'s','day','Day said, "I\'ve been','Day'),
 (12,'s','day',"I've always said, 'No",'I',{'note':'nested: her own habitual words'}),
]))
ARTS.append(dict(file='wn_07.txt', y='2019', i=96, S={
 'lam':('Carrie Lam',['Carrie Lam','Lam']),
 'wong':('Joshua Wong',['Joshua Wong','Wong']),
 'katya':('Katya',['Katya']),
 'tam':('Man-kei Tam',['Man-kei Tam','Tam']),
}, q=[
 (0,'s','lam','Lam said in a televised','Lam'),
 (1,'s','lam','Lam continued in the statement','Lam'),
 (2,'s','lam','Lam continued in the statement','Lam',{'note':'same attribution, the quote resumes after it'}),
 (3,'s','wong','protester Joshua Wong','Joshua Wong'),
 (4,'s','wong','protester Joshua Wong','Joshua Wong'),
 (5,'s','katya','the pseudonym Katya','Katya',{'note':'a protester named only by a pseudonym'}),
 (6,'s','katya','the pseudonym Katya','Katya'),
 (7,'s','tam','Man-kei Tam said','Man-kei Tam'),
]))
ARTS.append(dict(file='wn_08.txt', y='2019', i=120, S={
 'mbs':('Mohammad bin Salman',['Mohammad bin Salman','Crown Prince Mohammad bin Salman','bin Salman','Mohammad']),
 'cengiz':('Hatice Cengiz',['Hatice Cengiz','Cengiz']),
 'calla':('Agnès Callamard',['Agnès Callamard','Callamard']),
}, q=[
 (0,'s','mbs','he said, "It happened','he'),
 (1,'s','cengiz',"Cengiz called Mohammad",'Cengiz'),
 (2,'s','cengiz','She explained','She'),
 (3,'s','cengiz','she said, "His fellow','she'),
 (4,'s','cengiz','", Cengiz said','Cengiz'),
 (5,'s','cengiz','", Cengiz said','Cengiz'),
 (6,'s','calla','she said, asking','she'),
 (7,'s','calla','she said, asking','she',{'note':'partial quote: what Callamard asked Cengiz to be'}),
]))
ARTS.append(dict(file='wn_09.txt', y='2019', i=133, S={
 'sdf':('Syrian Democratic Forces',['Syrian Democratic Forces','SDF']),
 'gabriel':('Kino Gabriel',['Kino Gabriel','Gabriel']),
 'erdogan':('Recep Tayyip Erdoğan',['Recep Tayyip Erdoğan','Erdoğan','Erdogan',"Erdogan's office"]),
 'haley':('Nikki Haley',['Nikki Haley','Haley']),
 'mcgurk':('Brett McGurk',['Brett McGurk','McGurk']),
 'trump':('Donald Trump',['Donald Trump','Trump']),
 'graham':('Lindsey Graham',['Lindsey Graham','Graham','Senator Lindsey Graham']),
}, skip={4:'mispaired by nested straight quotes; entered by hand',5:'same'}, q=[
 (0,'s','sdf','the Syrian Democratic Forces (SDF), opposed','Syrian Democratic Forces',{'note':'an organisation speaking, partial quote'}),
 (1,'s','gabriel','Kino Gabriel said','Kino Gabriel'),
 (2,'s','erdogan',"statement released by Erdogan's office",'Erdogan',{'note':"a statement from Erdogan's office; the office speaking for the president (judgement call)"}),
 (3,'s','haley','Nikki Haley wrote','Nikki Haley'),
 (('The WH statement tonight','served up to Turkey.'),'s','mcgurk','Brett McGurk, who was','Brett McGurk',{'note':'contains a nested "United States" in the same straight marks'}),
 (('United States','United States',2145),'n',None,{'note':'scare quote nested in McGurk\'s tweet, same straight marks as the outer quote'}),
 (6,'s','mcgurk','McGurk later wrote','McGurk'),
 (7,'s','trump','Trump, also on Twitter','Trump'),
 (8,'s','graham','Senator Lindsey Graham spoke','Lindsey Graham'),
 (9,'s','graham','", Graham continued','Graham'),
 (10,'s','graham','", Graham continued','Graham',{'note':'quote resumes after the attribution'}),
]))
