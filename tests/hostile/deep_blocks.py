# 95 levels of nested blocks of each kind (Python allows 100), a planted bug at
# the bottom of each.
import socket, win32file
s = socket.socket()
flag = True
if flag:
 if flag:
  if flag:
   if flag:
    if flag:
     if flag:
      if flag:
       if flag:
        if flag:
         if flag:
          if flag:
           if flag:
            if flag:
             if flag:
              if flag:
               if flag:
                if flag:
                 if flag:
                  if flag:
                   if flag:
                    if flag:
                     if flag:
                      if flag:
                       if flag:
                        if flag:
                         if flag:
                          if flag:
                           if flag:
                            if flag:
                             if flag:
                              if flag:
                               if flag:
                                if flag:
                                 if flag:
                                  if flag:
                                   if flag:
                                    if flag:
                                     if flag:
                                      if flag:
                                       if flag:
                                        if flag:
                                         if flag:
                                          if flag:
                                           if flag:
                                            if flag:
                                             if flag:
                                              if flag:
                                               if flag:
                                                if flag:
                                                 if flag:
                                                  if flag:
                                                   if flag:
                                                    if flag:
                                                     if flag:
                                                      if flag:
                                                       if flag:
                                                        if flag:
                                                         if flag:
                                                          if flag:
                                                           if flag:
                                                            if flag:
                                                             if flag:
                                                              if flag:
                                                               if flag:
                                                                if flag:
                                                                 if flag:
                                                                  if flag:
                                                                   if flag:
                                                                    if flag:
                                                                     if flag:
                                                                      if flag:
                                                                       if flag:
                                                                        if flag:
                                                                         if flag:
                                                                          if flag:
                                                                           if flag:
                                                                            if flag:
                                                                             if flag:
                                                                              if flag:
                                                                               if flag:
                                                                                if flag:
                                                                                 if flag:
                                                                                  if flag:
                                                                                   if flag:
                                                                                    if flag:
                                                                                     if flag:
                                                                                      if flag:
                                                                                       if flag:
                                                                                        if flag:
                                                                                         if flag:
                                                                                          if flag:
                                                                                           if flag:
                                                                                            if flag:
                                                                                             if flag:
                                                                                              if flag:
                                                                                               win32file.WriteFile(s.fileno(), b'')  # error: WSK102
def level_0():
 def level_1():
  def level_2():
   def level_3():
    def level_4():
     def level_5():
      def level_6():
       def level_7():
        def level_8():
         def level_9():
          def level_10():
           def level_11():
            def level_12():
             def level_13():
              def level_14():
               def level_15():
                def level_16():
                 def level_17():
                  def level_18():
                   def level_19():
                    def level_20():
                     def level_21():
                      def level_22():
                       def level_23():
                        def level_24():
                         def level_25():
                          def level_26():
                           def level_27():
                            def level_28():
                             def level_29():
                              def level_30():
                               def level_31():
                                def level_32():
                                 def level_33():
                                  def level_34():
                                   def level_35():
                                    def level_36():
                                     def level_37():
                                      def level_38():
                                       def level_39():
                                        def level_40():
                                         def level_41():
                                          def level_42():
                                           def level_43():
                                            def level_44():
                                             def level_45():
                                              def level_46():
                                               def level_47():
                                                def level_48():
                                                 def level_49():
                                                  def level_50():
                                                   def level_51():
                                                    def level_52():
                                                     def level_53():
                                                      def level_54():
                                                       def level_55():
                                                        def level_56():
                                                         def level_57():
                                                          def level_58():
                                                           def level_59():
                                                            def level_60():
                                                             def level_61():
                                                              def level_62():
                                                               def level_63():
                                                                def level_64():
                                                                 def level_65():
                                                                  def level_66():
                                                                   def level_67():
                                                                    def level_68():
                                                                     def level_69():
                                                                      def level_70():
                                                                       def level_71():
                                                                        def level_72():
                                                                         def level_73():
                                                                          def level_74():
                                                                           def level_75():
                                                                            def level_76():
                                                                             def level_77():
                                                                              def level_78():
                                                                               def level_79():
                                                                                def level_80():
                                                                                 def level_81():
                                                                                  def level_82():
                                                                                   def level_83():
                                                                                    def level_84():
                                                                                     def level_85():
                                                                                      def level_86():
                                                                                       def level_87():
                                                                                        def level_88():
                                                                                         def level_89():
                                                                                          def level_90():
                                                                                           def level_91():
                                                                                            def level_92():
                                                                                             def level_93():
                                                                                              def level_94():
                                                                                               win32file.WriteFile(s.fileno(), b'')  # error: WSK102
for item in range(3):
 while flag:
  with open('x') as stream:
   try:
    class Level:
     for item in range(3):
      while flag:
       with open('x') as stream:
        try:
         class Level:
          for item in range(3):
           while flag:
            with open('x') as stream:
             try:
              class Level:
               for item in range(3):
                while flag:
                 with open('x') as stream:
                  try:
                   class Level:
                    for item in range(3):
                     while flag:
                      with open('x') as stream:
                       try:
                        class Level:
                         for item in range(3):
                          while flag:
                           with open('x') as stream:
                            try:
                             class Level:
                              for item in range(3):
                               while flag:
                                with open('x') as stream:
                                 try:
                                  class Level:
                                   for item in range(3):
                                    while flag:
                                     with open('x') as stream:
                                      try:
                                       class Level:
                                        for item in range(3):
                                         while flag:
                                          with open('x') as stream:
                                           try:
                                            class Level:
                                             for item in range(3):
                                              while flag:
                                               with open('x') as stream:
                                                try:
                                                 class Level:
                                                  for item in range(3):
                                                   while flag:
                                                    with open('x') as stream:
                                                     try:
                                                      class Level:
                                                       for item in range(3):
                                                        while flag:
                                                         with open('x') as stream:
                                                          try:
                                                           class Level:
                                                            for item in range(3):
                                                             while flag:
                                                              with open('x') as stream:
                                                               try:
                                                                class Level:
                                                                 for item in range(3):
                                                                  while flag:
                                                                   with open('x') as stream:
                                                                    try:
                                                                     class Level:
                                                                      for item in range(3):
                                                                       while flag:
                                                                        with open('x') as stream:
                                                                         try:
                                                                          class Level:
                                                                           for item in range(3):
                                                                            while flag:
                                                                             with open('x') as stream:
                                                                              try:
                                                                               class Level:
                                                                                for item in range(3):
                                                                                 while flag:
                                                                                  with open('x') as stream:
                                                                                   try:
                                                                                    class Level:
                                                                                     for item in range(3):
                                                                                      while flag:
                                                                                       with open('x') as stream:
                                                                                        try:
                                                                                         class Level:
                                                                                          for item in range(3):
                                                                                           while flag:
                                                                                            with open('x') as stream:
                                                                                             try:
                                                                                              class Level:
                                                                                               win32file.WriteFile(s.fileno(), b'')  # error: WSK102
                                                                                             except OSError:
                                                                                              pass
                                                                                        except OSError:
                                                                                         pass
                                                                                   except OSError:
                                                                                    pass
                                                                              except OSError:
                                                                               pass
                                                                         except OSError:
                                                                          pass
                                                                    except OSError:
                                                                     pass
                                                               except OSError:
                                                                pass
                                                          except OSError:
                                                           pass
                                                     except OSError:
                                                      pass
                                                except OSError:
                                                 pass
                                           except OSError:
                                            pass
                                      except OSError:
                                       pass
                                 except OSError:
                                  pass
                            except OSError:
                             pass
                       except OSError:
                        pass
                  except OSError:
                   pass
             except OSError:
              pass
        except OSError:
         pass
   except OSError:
    pass
